-- The staff console (/staff): one-time sign-in links and sessions (only SHA-256 hashes of their
-- tokens are stored), the audit of every console action, staff marks on feedback, document
-- re-checks and uploads, and whether an answer stood on weak evidence (the knowledge-gap list).
CREATE TABLE IF NOT EXISTS staff_links (
  token_hash  TEXT PRIMARY KEY,
  slack_user  TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('staff', 'legal')),
  created_by  TEXT NOT NULL,                -- cli:<operator> | slack:<user>
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at  TIMESTAMPTZ NOT NULL,
  used_at     TIMESTAMPTZ
);

CREATE TABLE IF NOT EXISTS staff_sessions (
  token_hash  TEXT PRIMARY KEY,
  slack_user  TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('staff', 'legal')),
  csrf_token  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at  TIMESTAMPTZ NOT NULL,
  revoked_at  TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS staff_sessions_user_idx ON staff_sessions (slack_user);

CREATE TABLE IF NOT EXISTS staff_audit (
  id          BIGSERIAL PRIMARY KEY,
  actor       TEXT NOT NULL,                -- slack:<user>
  role        TEXT,
  action      TEXT NOT NULL,                -- e.g. ticket.reply, document.recheck, signin
  target      TEXT,
  outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed')),
  detail      JSONB NOT NULL DEFAULT '{}'::jsonb,
  at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS staff_audit_at_idx ON staff_audit (at DESC);

CREATE TABLE IF NOT EXISTS feedback_marks (
  feedback_id BIGINT PRIMARY KEY REFERENCES feedback(id) ON DELETE CASCADE,
  mark        TEXT NOT NULL CHECK (mark IN ('wrong-document', 'missing-knowledge', 'outdated', 'fine')),
  note        TEXT,
  marked_by   TEXT NOT NULL,
  marked_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS document_reviews (
  id                BIGSERIAL PRIMARY KEY,
  doc_id            TEXT NOT NULL,
  reviewer          TEXT NOT NULL,
  note              TEXT NOT NULL,
  as_of_before      DATE,
  review_by_before  DATE,
  as_of_after       DATE NOT NULL,
  review_by_after   DATE NOT NULL,
  at                TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS document_reviews_doc_idx ON document_reviews (doc_id, at DESC);

CREATE TABLE IF NOT EXISTS document_uploads (
  id            BIGSERIAL PRIMARY KEY,
  doc_id        TEXT NOT NULL,
  uploaded_by   TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  outcome       TEXT NOT NULL CHECK (outcome IN ('ingested', 'lint-failed', 'ingest-failed')),
  problems      JSONB NOT NULL DEFAULT '[]'::jsonb,
  kept_copy     TEXT,                       -- where the previous version was saved
  at            TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- NULL for answers recorded before this migration: unknown, not "strong".
ALTER TABLE answers ADD COLUMN IF NOT EXISTS weak_evidence BOOLEAN;
