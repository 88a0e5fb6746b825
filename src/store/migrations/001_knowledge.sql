-- Knowledge: documents, their chunks (with the embedding used by the vector index) and ingest runs.
CREATE TABLE IF NOT EXISTS documents (
  id            text PRIMARY KEY,
  slug          text NOT NULL,
  lang          text NOT NULL CHECK (lang IN ('zh', 'ru', 'en')),
  title         text NOT NULL,
  category      text NOT NULL,
  countries     text[] NOT NULL DEFAULT '{}',
  sources       text[] NOT NULL DEFAULT '{}',
  translations  text[] NOT NULL DEFAULT '{}',
  as_of         date,
  review_by     date,
  path          text NOT NULL UNIQUE,
  format        text NOT NULL,
  content_hash  text NOT NULL,
  ingested_at   timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS documents_slug_idx ON documents (slug);

CREATE TABLE IF NOT EXISTS chunks (
  id            text PRIMARY KEY,
  doc_id        text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord           integer NOT NULL,
  heading_path  text[] NOT NULL DEFAULT '{}',
  text          text NOT NULL,
  embedder      text NOT NULL,
  embedding     bytea NOT NULL,
  UNIQUE (doc_id, ord)
);

CREATE TABLE IF NOT EXISTS ingest_runs (
  id            bigserial PRIMARY KEY,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  status        text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ok', 'failed')),
  embedder      text NOT NULL,
  added         integer NOT NULL DEFAULT 0,
  changed       integer NOT NULL DEFAULT 0,
  removed       integer NOT NULL DEFAULT 0,
  unchanged     integer NOT NULL DEFAULT 0,
  skipped       integer NOT NULL DEFAULT 0,
  errors        jsonb NOT NULL DEFAULT '[]'
);
