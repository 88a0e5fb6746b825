// `npm run bench:watch [-- --subscribers 10000 --scale 10]`: a regulation-watch digest fanned out to
// N Telegram subscribers through the real path (WatchService.alertPending → outbox → OutboxWorker →
// telegramSender → grammY Api with auto-retry and transformer-throttler) against a fake Bot API that
// enforces Telegram's limits: a token bucket of 30 messages a second overall and one message a second
// per chat, answering 429 with retry_after (whole seconds, as Telegram does) when a call exceeds them.
// `--unthrottled` leaves the throttler out, so 429s come and must be handled (auto-retry, then the
// outbox's retry after retry_after). `--scale S` multiplies both limits, and the throttler's, by S so a 10,000-chat run takes under a
// minute instead of about six (S = 1 is Telegram's real rate). Prints the time to enqueue, the time to
// send, the peak memory and what happened to every 429; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Api } from 'grammy';
import { telegramApiPolicies } from '../src/bots/telegram/telegram-api-policies.js';
import { telegramSender } from '../src/bots/telegram/telegram-outbox-sender.js';
import { OutboxWorker } from '../src/jobs/outbox-worker.js';
import { createLogger } from '../src/observability/logger.js';
import { ChangeLog, recordChanges } from '../src/store/change-log.js';
import { openDb } from '../src/store/open-db.js';
import { OutboxRepo } from '../src/store/outbox.js';
import { WatchRepo } from '../src/store/watch-repo.js';
import { WatchService } from '../src/watch/watch-service.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '10000' },
    scale: { type: 'string', default: '10' },
    // Without the throttler the worker meets the limits head-on: every 429 must still end delivered.
    unthrottled: { type: 'boolean', default: false },
  },
});
const N = Number(values.subscribers);
const S = Number(values.scale);
const GLOBAL_PER_S = 30 * S;
const CHAT_PER_S = 1 * S;
const TOKEN = '123456:BENCH-token-abcdefghijklmnopqrstuvwxyz';

// --- The fake Bot API with Telegram's limits ---------------------------------------------------
let tokens = GLOBAL_PER_S;
let refilledAt = performance.now();
const lastToChat = new Map<string, number>();
const delivered = new Map<string, number>();
let tooMany = 0;
let peakConcurrent = 0;
let concurrent = 0;

async function readJson(req: IncomingMessage): Promise<Record<string, any>> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return JSON.parse(Buffer.concat(parts).toString('utf8') || '{}');
}

const server = createServer(async (req, res) => {
  concurrent++;
  peakConcurrent = Math.max(peakConcurrent, concurrent);
  const payload = await readJson(req);
  const send = (status: number, body: unknown) => {
    concurrent--;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (!req.url?.endsWith('/sendMessage')) return send(200, { ok: true, result: true });
  const now = performance.now();
  tokens = Math.min(GLOBAL_PER_S, tokens + ((now - refilledAt) / 1000) * GLOBAL_PER_S);
  refilledAt = now;
  const chat = String(payload.chat_id);
  const chatWait = (lastToChat.get(chat) ?? -Infinity) + 1000 / CHAT_PER_S - now;
  const globalWait = tokens >= 1 ? 0 : ((1 - tokens) / GLOBAL_PER_S) * 1000;
  const wait = Math.max(chatWait, globalWait);
  if (wait > 0) {
    tooMany++;
    const retryAfter = Math.max(1, Math.ceil(wait / 1000));
    return send(429, {
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${retryAfter}`,
      parameters: { retry_after: retryAfter },
    });
  }
  tokens -= 1;
  lastToChat.set(chat, now);
  delivered.set(chat, (delivered.get(chat) ?? 0) + 1);
  send(200, {
    ok: true,
    result: { message_id: delivered.size, date: 0, chat: { id: payload.chat_id, type: 'private' }, text: '' },
  });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// --- Memory, sampled through the whole run ------------------------------------------------------
let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const sampler = setInterval(sample, 50);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

// --- Subscribers and a change batch in a fresh embedded database --------------------------------
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-watch-'));
const db = await openDb({ databaseUrl: undefined, dataDir: dir });
const rssBefore = process.memoryUsage().rss;
for (let start = 0; start < N; start += 1000) {
  const ids = Array.from({ length: Math.min(1000, N - start) }, (_, i) => String(100_000 + start + i));
  await db.query(
    `INSERT INTO watch_subscriptions (channel, subscriber, user_id, lang, markets, products)
     SELECT 'telegram', id, id, (ARRAY['ru','zh','en'])[1 + (n % 3)], '{RU}', '{marking}'
       FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n)`,
    [ids],
  );
}
const section = (lang: string) => ({
  heading:
    lang === 'ru'
      ? 'Правовая основа и стоимость кода'
      : lang === 'zh'
        ? '法律依据和标识码费用'
        : 'Legal basis and code fee',
  kind: 'changed' as const,
  figures: { added: ['0,60'], removed: [] },
  dates: { added: ['1 марта 2027 г.'], removed: [] },
  excerpt: 'С 1 марта 2027 г. плата за код вырастет до 0,60 руб. без НДС.',
});
await db.transaction((tx) =>
  recordChanges(
    tx,
    { name: 'ingest:bench', source: 'ingest' },
    (['ru', 'zh', 'en'] as const).map((lang) => ({
      docId: `country-russia-chestny-znak-${lang}`,
      slug: 'country-russia-chestny-znak',
      lang,
      title: 'Россия: обязательная маркировка «Честный ЗНАК»',
      category: 'market-access',
      countries: ['RU'],
      translations: [],
      asOf: '2026-12-01',
      source: 'https://chestnyznak.ru/',
      action: 'changed' as const,
      sections: [section(lang)],
    })),
  ),
);

const watch = new WatchService({ db, repo: new WatchRepo(db), changes: new ChangeLog(db) });
const t0 = performance.now();
const alerted = await watch.alertPending();
const enqueueMs = performance.now() - t0;

// --- Sending: the outbox worker as `advisor worker` runs it, limits scaled by S ------------------
const log = createLogger('silent');
const api = telegramApiPolicies(new Api(TOKEN, { apiRoot }), log, {
  throttle: !values.unthrottled,
  throttler: {
    global: { reservoir: GLOBAL_PER_S, reservoirRefreshAmount: GLOBAL_PER_S, reservoirRefreshInterval: 1000 },
    out: { maxConcurrent: 1, minTime: Math.ceil(1000 / CHAT_PER_S) },
  },
});
const outbox = new OutboxRepo(db);
const worker = new OutboxWorker({ repo: outbox, senders: { 'telegram.send': telegramSender(api) }, log });
const t1 = performance.now();
worker.start(50);
while ((await outbox.depth()) > 0) await new Promise((r) => setTimeout(r, 200));
const sendMs = performance.now() - t1;
await worker.stop();
clearInterval(sampler);
sample();

const retried = await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE attempts > 1');
const unsent = await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL');
const counts = [...delivered.values()];
const doubled = counts.filter((n) => n > 1).length;
const missing = N - delivered.size;
await db.close();
rmSync(dir, { recursive: true, force: true });
server.close();

console.log(`regulation watch fan-out: ${N} Telegram subscribers (Russia + marking), one digest each`);
console.log(
  `limits enforced by the fake Bot API: ${GLOBAL_PER_S} msg/s overall, ${CHAT_PER_S} msg/s per chat (Telegram's × ${S}${S === 1 ? ', the real rate' : ''}); ${values.unthrottled ? 'NO throttler (429s met head-on)' : 'the throttler set to the same'}`,
);
console.log(
  `time to enqueue: ${enqueueMs.toFixed(0)} ms (${alerted.digests} digests written to the outbox in one transaction)`,
);
console.log(
  `time to send:    ${(sendMs / 1000).toFixed(1)} s (${(delivered.size / (sendMs / 1000)).toFixed(0)} msg/s; floor at this limit ${(N / GLOBAL_PER_S).toFixed(1)} s)`,
);
console.log(`peak memory:     RSS ${mb(peakRss)} (${mb(rssBefore)} before the fan-out), heap ${mb(peakHeap)}`);
console.log(
  `429 answers:     ${tooMany}; rows retried: ${retried.rows[0]!.n}; rows unsent: ${unsent.rows[0]!.n}; chats without a digest: ${missing}; chats with two: ${doubled}`,
);
console.log(
  missing === 0 && doubled === 0 && Number(unsent.rows[0]!.n) === 0
    ? 'every 429 was handled: each chat got exactly one digest'
    : 'NOT every 429 was handled: see the counts above',
);
