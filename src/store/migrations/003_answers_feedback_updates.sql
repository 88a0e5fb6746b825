-- Answers as shown to a user (with their sources), feedback on them, user preferences, and the
-- ids of processed Telegram updates / Slack events so a redelivery is handled once.
CREATE TABLE IF NOT EXISTS answers (
  id              BIGSERIAL PRIMARY KEY,
  channel         TEXT NOT NULL,
  conversation_id TEXT,
  user_id         TEXT,
  lang            TEXT NOT NULL,
  mode            TEXT NOT NULL,
  question        TEXT NOT NULL,
  answer          TEXT NOT NULL,
  citations       JSONB NOT NULL DEFAULT '[]'::jsonb,
  escalation      JSONB,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS answers_user_idx ON answers (channel, user_id);

CREATE TABLE IF NOT EXISTS feedback (
  id         BIGSERIAL PRIMARY KEY,
  answer_id  BIGINT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
  channel    TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  rating     SMALLINT NOT NULL CHECK (rating IN (-1, 1)),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (answer_id, user_id)
);

CREATE TABLE IF NOT EXISTS user_prefs (
  channel    TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  lang       TEXT,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, user_id)
);

CREATE TABLE IF NOT EXISTS processed_updates (
  source       TEXT NOT NULL,      -- 'telegram' | 'slack'
  update_id    TEXT NOT NULL,
  processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (source, update_id)
);
