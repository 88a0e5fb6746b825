-- Legal escalation tickets with an audit trail, the messages relayed between exporter and firm,
-- and the outbox every notification goes through.
CREATE TABLE IF NOT EXISTS tickets (
  id              BIGSERIAL PRIMARY KEY,
  status          TEXT NOT NULL CHECK (status IN ('draft', 'new', 'offered', 'claimed', 'answered', 'closed', 'cancelled')),
  channel         TEXT NOT NULL,              -- where the exporter is: telegram | slack
  user_id         TEXT NOT NULL,
  chat_id         TEXT NOT NULL,              -- where replies go back to
  conversation_id TEXT,
  lang            TEXT NOT NULL,
  country         TEXT,
  summary         TEXT NOT NULL,
  note            TEXT,
  awaiting_note   BOOLEAN NOT NULL DEFAULT false,
  practice_area   TEXT NOT NULL,
  jurisdiction    TEXT,
  firm_id         TEXT,
  slack_channel   TEXT,
  slack_ts        TEXT,                       -- the ticket message; its thread is the conversation
  claimed_by      TEXT,
  rating          SMALLINT CHECK (rating BETWEEN 1 AND 5),
  reannounced_at  TIMESTAMPTZ,
  supervised_at   TIMESTAMPTZ,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  offered_at      TIMESTAMPTZ,
  answered_at     TIMESTAMPTZ,
  last_user_reply_at TIMESTAMPTZ,
  closed_at       TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS tickets_status_idx ON tickets (status);
CREATE INDEX IF NOT EXISTS tickets_slack_idx ON tickets (slack_channel, slack_ts);

CREATE TABLE IF NOT EXISTS ticket_events (
  id          BIGSERIAL PRIMARY KEY,
  ticket_id   BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  actor       TEXT NOT NULL,                  -- telegram:<id> | slack:<id> | system
  detail      JSONB NOT NULL DEFAULT '{}'::jsonb,
  at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS ticket_messages (
  id          BIGSERIAL PRIMARY KEY,
  ticket_id   BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  direction   TEXT NOT NULL CHECK (direction IN ('to_user', 'to_firm')),
  author      TEXT NOT NULL,
  text        TEXT NOT NULL,
  telegram_message_id BIGINT,                 -- the copy the exporter received (to match their replies)
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ticket_messages_tg_idx ON ticket_messages (telegram_message_id);

CREATE TABLE IF NOT EXISTS outbox (
  id              BIGSERIAL PRIMARY KEY,
  kind            TEXT NOT NULL,              -- telegram.send | slack.post | slack.update
  payload         JSONB NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  locked_until    TIMESTAMPTZ,
  sent_at         TIMESTAMPTZ,
  result          JSONB,
  last_error      TEXT,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS outbox_due_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL;
