-- Regulation watch (issue #22): what each ingest changed, per document; who watches what; and the
-- change batches whose alerts have been written to the outbox.
CREATE TABLE IF NOT EXISTS document_changes (
  id          BIGSERIAL PRIMARY KEY,
  batch       TEXT NOT NULL,                 -- ingest:<run id>
  doc_id      TEXT NOT NULL,
  slug        TEXT NOT NULL,
  lang        TEXT NOT NULL,
  title       TEXT NOT NULL,
  category    TEXT NOT NULL,
  countries   TEXT[] NOT NULL DEFAULT '{}',
  translations TEXT[] NOT NULL DEFAULT '{}',
  as_of       DATE,
  source      TEXT,
  action      TEXT NOT NULL CHECK (action IN ('added', 'removed', 'changed', 'rechecked')),
  -- [{heading, kind: added|removed|changed, figures: {added, removed}, dates: {added, removed}, excerpt}]
  sections    JSONB NOT NULL DEFAULT '[]',
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS document_changes_created_idx ON document_changes (created_at);
CREATE INDEX IF NOT EXISTS document_changes_batch_idx ON document_changes (batch);

-- One batch per ingest that changed something or per ePing import; alerted_at is set in the same
-- transaction that writes its digests to the outbox, so a crash before it means "alert again"
-- (the outbox's idempotency keys make that harmless) and after it means "done".
CREATE TABLE IF NOT EXISTS watch_batches (
  batch       TEXT PRIMARY KEY,
  source      TEXT NOT NULL CHECK (source IN ('ingest', 'eping')),
  initial     BOOLEAN NOT NULL DEFAULT false, -- the first ingest of an empty store: nothing to alert
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  alerted_at  TIMESTAMPTZ
);

-- ePing TBT/SPS notifications kept from EAEU and SCO members.
CREATE TABLE IF NOT EXISTS eping_notifications (
  symbol      TEXT PRIMARY KEY,              -- G/TBT/N/RUS/123
  batch       TEXT NOT NULL,
  country     TEXT NOT NULL,                 -- ISO 3166-1 alpha-2
  area        TEXT NOT NULL CHECK (area IN ('TBT', 'SPS')),
  title       TEXT NOT NULL,
  products    TEXT NOT NULL DEFAULT '',
  hs_codes    TEXT[] NOT NULL DEFAULT '{}',
  comment_deadline DATE,
  link        TEXT,
  imported_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per subscriber (a Telegram chat or a Slack channel); an empty list means "any".
CREATE TABLE IF NOT EXISTS watch_subscriptions (
  channel     TEXT NOT NULL CHECK (channel IN ('telegram', 'slack')),
  subscriber  TEXT NOT NULL,                 -- Telegram chat id, Slack channel id
  user_id     TEXT NOT NULL,                 -- who set it up (/forget deletes by it)
  lang        TEXT NOT NULL CHECK (lang IN ('zh', 'ru', 'en')),
  markets     TEXT[] NOT NULL DEFAULT '{}',
  products    TEXT[] NOT NULL DEFAULT '{}',
  topics      TEXT[] NOT NULL DEFAULT '{}',
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, subscriber)
);
CREATE INDEX IF NOT EXISTS watch_subscriptions_user_idx ON watch_subscriptions (channel, user_id);
