import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { openDb } from './open-db.js';
import { UpdateLedger } from './update-ledger.js';

describe('UpdateLedger', () => {
  let db: Db;
  let ledger: UpdateLedger;
  beforeAll(async () => {
    db = await openDb({ databaseUrl: undefined, dataDir: undefined });
    ledger = new UpdateLedger(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('claims an id the first time only, per source, numbers and strings alike', async () => {
    expect(await ledger.claim('telegram', 1001)).toBe(true);
    expect(await ledger.claim('telegram', 1001)).toBe(false);
    expect(await ledger.claim('telegram', '1001')).toBe(false);
    expect(await ledger.claim('slack', 1001)).toBe(true);
    expect(await ledger.claim('slack', 'Ev1')).toBe(true);
    expect(await ledger.claim('slack', 'Ev1')).toBe(false);
  });

  it('claims concurrently exactly once', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => ledger.claim('slack', 'EvRace')));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('claims and reads the chosen language in one go, claimed or not', async () => {
    await db.query("INSERT INTO user_prefs (channel, user_id, lang) VALUES ('telegram', '77', 'zh')");
    expect(await ledger.claimAndReadLang('telegram', 2001, '77')).toEqual({ claimed: true, lang: 'zh' });
    expect(await ledger.claimAndReadLang('telegram', 2001, '77')).toEqual({ claimed: false, lang: 'zh' });
    expect(await ledger.claimAndReadLang('telegram', 2002, '78')).toEqual({ claimed: true, lang: undefined });
    // The language is the user's in this channel only, and the id is shared with claim().
    expect(await ledger.claimAndReadLang('slack', 2003, '77')).toEqual({ claimed: true, lang: undefined });
    expect(await ledger.claim('telegram', 2002)).toBe(false);
  });
});
