// The regulation watch below the channels, on PGlite (or the PostgreSQL server of TEST_DATABASE_URL
// when set): Slack's one-line subscription, /forget, two processes alerting one batch at once, and
// the weekly staff reminder of documents reaching review_by.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackWatch } from '../src/bots/slack/slack-watch.js';
import { ChangeLog, recordChanges } from '../src/store/change-log.js';
import type { Db } from '../src/store/db.js';
import { openDb } from '../src/store/open-db.js';
import { WatchRepo } from '../src/store/watch-repo.js';
import { isoWeek, WatchService } from '../src/watch/watch-service.js';
import { createTempDatabase, TEST_DATABASE_URL } from './support/temp-database.js';

describe('regulation watch service', () => {
  let db: Db;
  let repo: WatchRepo;
  let watch: WatchService;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const temp = TEST_DATABASE_URL ? await createTempDatabase('sco_watch') : undefined;
    drop = temp?.drop;
    db = await openDb({ databaseUrl: temp?.url, dataDir: undefined });
    repo = new WatchRepo(db);
    watch = new WatchService({ db, repo, changes: new ChangeLog(db) });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('subscribes a Slack channel in one line, shows it and removes it', async () => {
    const who = { channel: 'CSTAFF', userId: 'U1', lang: 'en' as const };
    expect(await slackWatch(repo, 'RU Kazakhstan marking tr-cu-004 hs84 customs', who)).toContain('Subscription saved');
    expect(await repo.get('slack', 'CSTAFF')).toMatchObject({
      markets: ['RU', 'KZ'],
      products: ['marking', 'tr-004', 'hs84'],
      topics: ['customs'],
    });
    expect(await slackWatch(repo, '', who)).toContain('Russia, Kazakhstan');
    const unknown = await slackWatch(repo, 'RU bananas', who);
    expect(unknown).toContain('Not understood: bananas');
    expect((await repo.get('slack', 'CSTAFF'))!.products).toContain('marking'); // unchanged
    expect(await slackWatch(repo, 'off', who)).toContain('unsubscribed');
    expect(await repo.get('slack', 'CSTAFF')).toBeUndefined();
  });

  it('forgets every subscription a Telegram user set up', async () => {
    const who = { channel: 'telegram' as const, subscriber: '555', userId: '555', lang: 'ru' as const };
    await repo.toggle(who, 'markets', 'RU');
    await repo.toggle({ ...who, subscriber: '-100200' }, 'markets', 'KZ'); // a group they set up
    expect(await repo.forgetUser('telegram', '555')).toBe(2);
    expect(await repo.get('telegram', '555')).toBeUndefined();
  });

  it('writes one digest per subscriber when two processes alert the same batch at once', async () => {
    for (const [subscriber, markets] of [
      ['7001', ['RU']],
      ['7002', ['RU']],
      ['7003', ['KZ']],
    ] as const)
      await repo.set({
        channel: 'telegram',
        subscriber,
        userId: subscriber,
        lang: 'ru',
        markets: [...markets],
        products: [],
        topics: [],
      });
    await db.transaction((tx) =>
      recordChanges(tx, { name: 'ingest:race', source: 'ingest' }, [
        {
          docId: 'vat-2026-ru',
          slug: 'vat-2026',
          lang: 'ru',
          title: 'НДС 2026',
          category: 'policy',
          countries: ['RU'],
          translations: [],
          asOf: '2026-12-01',
          source: 'https://example.org/vat',
          action: 'changed',
          sections: [],
        },
      ]),
    );
    const other = new WatchService({ db, repo: new WatchRepo(db), changes: new ChangeLog(db) });
    const [a, b] = await Promise.all([watch.alertPending(), other.alertPending()]);
    expect(a.digests + b.digests).toBe(2);
    const rows = await db.query<{ idempotency_key: string }>(
      "SELECT idempotency_key FROM outbox WHERE idempotency_key LIKE 'watch:ingest:race:%' ORDER BY 1",
    );
    expect(rows.rows.map((r) => r.idempotency_key)).toEqual([
      'watch:ingest:race:telegram:7001',
      'watch:ingest:race:telegram:7002',
    ]);
    expect((await watch.alertPending()).digests).toBe(0);
    await repo.remove('telegram', '7001');
    await repo.remove('telegram', '7002');
    await repo.remove('telegram', '7003');
  });

  it('reminds staff channels once a week of documents due for review in 30 days', async () => {
    const now = new Date('2026-12-02T09:00:00Z');
    const doc = (id: string, lang: string, title: string, reviewBy: string) =>
      db.query(
        `INSERT INTO documents (id, slug, lang, title, category, review_by, path, format, content_hash)
         VALUES ($1, $2, $3, $4, 'policy', $5, $6, 'md', 'h')`,
        [id, id.replace(/-(zh|ru|en)$/, ''), lang, title, reviewBy, `policy/${id}.md`],
      );
    await doc('vat-ru', 'ru', 'НДС', '2026-12-20');
    await doc('vat-en', 'en', 'VAT', '2026-12-20');
    await doc('later-en', 'en', 'Later', '2027-02-01');
    await doc('past-en', 'en', 'Past', '2026-11-01');
    await repo.set({
      channel: 'slack',
      subscriber: 'CREVIEW',
      userId: 'U1',
      lang: 'en',
      markets: [],
      products: [],
      topics: ['customs'],
    });
    expect(await watch.remindReviews(now)).toBe(1);
    expect(await watch.remindReviews(new Date('2026-12-04T09:00:00Z'))).toBe(0); // same week
    const rows = await db.query<{ idempotency_key: string; payload: any }>(
      "SELECT idempotency_key, payload FROM outbox WHERE idempotency_key LIKE 'watch:review:%'",
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.idempotency_key).toBe(`watch:review:${isoWeek(now)}:slack:CREVIEW`);
    const payload =
      typeof rows.rows[0]!.payload === 'string' ? JSON.parse(rows.rows[0]!.payload) : rows.rows[0]!.payload;
    expect(payload.watch.docs).toEqual([{ title: 'VAT', reviewBy: '2026-12-20', path: 'policy/vat-en.md' }]);
    expect(await watch.remindReviews(new Date('2026-12-09T09:00:00Z'))).toBe(1); // the next week
  });

  it('numbers weeks as ISO 8601 does', () => {
    expect(isoWeek(new Date('2026-12-02T00:00:00Z'))).toBe('2026-W49');
    expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
  });
});
