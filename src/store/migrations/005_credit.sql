-- Company credit lookups: the local sample provider's table, a cache with a time-to-live, and the
-- audit log of who looked up whom.
CREATE TABLE IF NOT EXISTS credit_companies (
  id                TEXT PRIMARY KEY,
  name_en           TEXT NOT NULL,
  name_ru           TEXT,
  name_zh           TEXT,
  country           TEXT NOT NULL,
  registration_type TEXT,
  registration_id   TEXT,
  status            TEXT,
  registered_on     DATE,
  rating            TEXT,
  rating_scale      TEXT,
  data_as_of        DATE NOT NULL,
  sample            BOOLEAN NOT NULL DEFAULT true
);

CREATE TABLE IF NOT EXISTS credit_cache (
  provider   TEXT NOT NULL,
  kind       TEXT NOT NULL,          -- search | report | sanctions
  key        TEXT NOT NULL,
  payload    JSONB NOT NULL,
  fetched_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (provider, kind, key)
);

CREATE TABLE IF NOT EXISTS credit_lookups (
  id         BIGSERIAL PRIMARY KEY,
  asked_by   TEXT NOT NULL,          -- channel:user
  query      TEXT NOT NULL,
  country    TEXT,
  candidates JSONB NOT NULL DEFAULT '[]'::jsonb,
  chosen     JSONB,
  at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
