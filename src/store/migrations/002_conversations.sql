-- Conversation memory per chat or thread: the last turns and a running summary of older ones.
CREATE TABLE IF NOT EXISTS conversations (
  id          TEXT PRIMARY KEY,            -- e.g. telegram:<chat>[:<thread>], slack:<channel>:<thread_ts>, cli:<uuid>
  channel     TEXT NOT NULL,
  user_id     TEXT,
  lang        TEXT,
  summary     TEXT,
  summarized_through BIGINT NOT NULL DEFAULT 0,  -- messages with id <= this are in the summary
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS messages (
  id              BIGSERIAL PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  role            TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
  content         TEXT NOT NULL,
  lang            TEXT,
  mode            TEXT,
  citations       JSONB NOT NULL DEFAULT '[]'::jsonb,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS messages_conversation_idx ON messages (conversation_id, id);
CREATE INDEX IF NOT EXISTS conversations_user_idx ON conversations (user_id);
