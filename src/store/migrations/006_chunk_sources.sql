-- The sources behind each passage (its section's `<!-- sources -->` marker), so a citation links to
-- what backs that passage rather than to the document's first source. NULL: the document does not say.
ALTER TABLE chunks ADD COLUMN IF NOT EXISTS sources text[];
