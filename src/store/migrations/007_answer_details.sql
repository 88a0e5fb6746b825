-- What an answer showed besides its text: the direct answer (lead) and the tools it called (with
-- their inputs and outputs), so a channel can show a route's legs or a report later (the "details"
-- button) and staff can see what an exporter was told.
ALTER TABLE answers ADD COLUMN IF NOT EXISTS lead jsonb;
ALTER TABLE answers ADD COLUMN IF NOT EXISTS tool_calls jsonb NOT NULL DEFAULT '[]'::jsonb;
