// `advisor watch import` on ePing-format fixtures (test/fixtures/eping), through the real
// executable: only EAEU and SCO members' notifications are kept; each subscriber whose markets and
// products match gets one digest in the outbox (country, product, comment deadline, link) and the
// rest get none; the same file again alerts nobody; a malformed file is refused with a readable
// message and changes nothing.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchDigest } from '../src/domain/watch.js';
import { renderWatchDigest } from '../src/bots/telegram/telegram-watch-digest.js';
import { openDb } from '../src/store/open-db.js';
import { FIXTURES, tempDir } from './support/knowledge-fixture.js';
import { runAdvisor } from './support/run-cli.js';

const EPING = join(import.meta.dirname, 'fixtures/eping');

const SUBSCRIBERS: Array<[string, string, string, string[], string[]]> = [
  // channel, subscriber, lang, markets, products
  ['telegram', '801', 'ru', ['RU'], ['marking']],
  ['telegram', '802', 'en', ['KZ'], []],
  ['telegram', '803', 'zh', [], ['hs04']],
  ['telegram', '804', 'ru', ['BY'], []],
  ['slack', 'CSTAFF', 'en', ['AM'], ['hs84']],
  ['telegram', '806', 'en', ['RU'], ['tr-037']],
];

describe('advisor watch import', () => {
  const data = tempDir('watch-eping');
  const env = { DATA_DIR: data.path, KNOWLEDGE_DIR: FIXTURES };
  afterAll(() => data.remove());

  beforeAll(async () => {
    const db = await openDb({ databaseUrl: undefined, dataDir: data.path });
    try {
      for (const [channel, subscriber, lang, markets, products] of SUBSCRIBERS)
        await db.query(
          `INSERT INTO watch_subscriptions (channel, subscriber, user_id, lang, markets, products)
           VALUES ($1, $2, $2, $3, $4, $5)`,
          [channel, subscriber, lang, markets, products],
        );
    } finally {
      await db.close();
    }
  }, 60_000);

  const state = async () => {
    const db = await openDb({ databaseUrl: undefined, dataDir: data.path });
    try {
      const rows = await db.query<{ idempotency_key: string; kind: string; payload: any }>(
        "SELECT idempotency_key, kind, payload FROM outbox WHERE idempotency_key LIKE 'watch:eping:%' ORDER BY id",
      );
      const notices = await db.query<{ symbol: string }>('SELECT symbol FROM eping_notifications ORDER BY symbol');
      return {
        alerts: rows.rows
          .map((r) => {
            const p = typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload;
            return {
              to: String(p.chatId ?? p.channel),
              kind: r.kind,
              digest: p.watch as WatchDigest,
              symbols: (p.watch as Extract<WatchDigest, { kind: 'eping' }>).notices.map((n) => n.symbol),
            };
          })
          .sort((a, b) => a.to.localeCompare(b.to)),
        symbols: notices.rows.map((r) => r.symbol),
      };
    } finally {
      await db.close();
    }
  };

  it('alerts the matching subscribers about EAEU and SCO notifications, and only them', async () => {
    const run = await runAdvisor(['watch', 'import', join(EPING, 'notifications.csv'), '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 7, kept: 5, fresh: 5, digests: 4 });

    const { alerts, symbols } = await state();
    expect(symbols).toEqual([
      'G/SPS/N/CHN/1350',
      'G/SPS/N/IND/330',
      'G/TBT/N/ARM/30',
      'G/TBT/N/KAZ/95',
      'G/TBT/N/RUS/170',
    ]);
    expect(alerts.map((a) => [a.to, a.kind, a.symbols])).toEqual([
      ['801', 'telegram.send', ['G/TBT/N/RUS/170']], // Russia + marking: the marking decree
      ['802', 'telegram.send', ['G/TBT/N/KAZ/95']], // Kazakhstan, anything
      ['803', 'telegram.send', ['G/SPS/N/CHN/1350']], // HS 04 (dairy) by its HS codes, not rice
      ['CSTAFF', 'slack.post', ['G/TBT/N/ARM/30']], // Armenia + HS 84
    ]);
    // Belarus and the TR EAEU 037 subscriber have nothing in this file.

    // What the exporter reads: notifying country, product, comment deadline and link, in Russian.
    const ru = renderWatchDigest(alerts[0]!.digest).text;
    expect(ru).toContain('Россия · TBT · G/TBT/N/RUS/170');
    expect(ru).toContain('Perfumery and cosmetic products');
    expect(ru).toContain('отзывы до: 2027-01-19');
    expect(ru).toContain('href="https://epingalert.org/en/Search?viewData=G/TBT/N/RUS/170"');
    expect(renderWatchDigest(alerts[2]!.digest).text).toContain('中国 · SPS');
  }, 120_000);

  it('reads the JSON export too, and alerts nobody twice for the same file', async () => {
    const again = await runAdvisor(['watch', 'import', join(EPING, 'notifications.csv'), '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 7, kept: 5, fresh: 0, digests: 0 });

    const run = await runAdvisor(['watch', 'import', join(EPING, 'notifications.json'), '--json'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 2, kept: 2, fresh: 2, digests: 1 });
    const { alerts } = await state();
    expect(alerts.map((a) => [a.to, a.symbols])).toEqual([
      ['801', ['G/TBT/N/RUS/170']],
      ['802', ['G/TBT/N/KAZ/95']],
      ['803', ['G/SPS/N/CHN/1350']],
      ['806', ['G/TBT/N/RUS/171']], // Russia + TR EAEU 037
      ['CSTAFF', ['G/TBT/N/ARM/30']],
    ]);
  }, 120_000);

  it('reads an export from a URL', async () => {
    const server = createServer((req, res) => {
      if (req.url !== '/export.csv') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/csv' }).end(readFileSync(join(EPING, 'notifications.csv')));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const run = await runAdvisor(['watch', 'import', `${base}/export.csv`, '--json'], env);
      expect(run.code).toBe(0);
      // The same notifications as the file: stored already, nobody alerted again.
      expect(JSON.parse(run.stdout)).toMatchObject({ total: 7, kept: 5, fresh: 0, digests: 0 });
      const gone = await runAdvisor(['watch', 'import', `${base}/gone.csv`], env);
      expect(gone.code).toBe(1);
      expect(gone.stderr).toContain('gone.csv: HTTP 404');
    } finally {
      server.close();
    }
  }, 120_000);

  it('refuses a malformed file with a clear message and changes nothing', async () => {
    const before = await state();
    const bad = await runAdvisor(['watch', 'import', join(EPING, 'malformed.csv')], { ...env, LANG: 'en_US.UTF-8' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('malformed.csv could not be read as an ePing export');
    expect(bad.stderr).toContain('record 2: "final date for comments" "soon" is not a date');
    expect(bad.stderr).toContain('Nothing was changed.');
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const notJson = await runAdvisor(['watch', 'import', join(EPING, 'README.md'), '--lang', 'ru'], env);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('Ничего не изменено.');

    const missing = await runAdvisor(['watch', 'import', join(EPING, 'nope.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.csv: no such file');

    expect(await state()).toEqual(before);
  }, 120_000);
});
