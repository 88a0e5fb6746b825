// The scale path on a real PostgreSQL (TEST_DATABASE_URL): pgvector as the shared vector index with
// filters in SQL, LISTEN/NOTIFY keeping another replica's lexical index fresh, and two app processes
// taking the same Telegram updates, Slack events and outbox jobs without doing anything twice.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/observability/logger.js';
import { createRuntime, type Runtime } from '../src/main.js';
import { enqueue } from '../src/store/outbox.js';
import { mentionEvent, slackSignature, startFakeSlack } from './support/fake-slack.js';
import { startFakeTelegram, textUpdate } from './support/fake-telegram.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { startProgram } from './support/program.js';
import { createTempDatabase, TEST_DATABASE_URL } from './support/temp-database.js';

async function vectorAvailable(): Promise<boolean> {
  if (!TEST_DATABASE_URL) return false;
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  try {
    await c.connect();
    const r = await c.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
    return r.rowCount === 1;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const hasVector = await vectorAvailable();

describe.skipIf(!hasVector)('pgvector and LISTEN/NOTIFY', () => {
  let db: Awaited<ReturnType<typeof createTempDatabase>>;
  let knowledge: { path: string; remove: () => void };
  const runtimes: Runtime[] = [];
  const open = async () => {
    const rt = await createRuntime(
      loadConfig({
        DATABASE_URL: db.url,
        VECTOR_STORE: 'pgvector',
        KNOWLEDGE_DIR: knowledge.path,
        DATA_DIR: tempDir('pgv').path,
        LOG_LEVEL: 'silent',
      }),
      createLogger('silent'),
    );
    runtimes.push(rt);
    return rt;
  };

  beforeAll(async () => {
    db = await createTempDatabase();
    knowledge = await makeKnowledgeDir();
  });
  afterAll(async () => {
    for (const rt of runtimes) await rt.close();
    await db?.drop();
    knowledge?.remove();
  });

  it('keeps embeddings in Postgres, searched with an HNSW index and SQL filters', async () => {
    const a = await open();
    const b = await open(); // a second replica, empty until told
    expect(b.kb.stats().documents).toBe(0);
    await a.ingest();
    expect(a.kb.stats()).toMatchObject({ vectorIndex: 'pgvector', documents: 8 });
    const idx = await a.db.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE indexname = 'chunk_vectors_hnsw'",
    );
    expect(idx.rows[0]!.indexdef).toContain('USING hnsw');
    expect((await a.kb.search('UN number dangerous goods', { k: 1 }))[0]!.docId).toBe('dangerous-goods-en');
    const zh = await a.kb.search('EAC', { lang: 'zh', k: 5 });
    expect(zh.map((h) => h.lang)).toEqual(['zh']);

    // NOTIFY from the ingest reaches the other replica, which rebuilds its lexical index.
    for (let i = 0; i < 50 && b.kb.stats().documents === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(b.kb.stats().documents).toBe(8);
    expect((await b.kb.search('кто может быть заявителем', { k: 1 }))[0]!.docId).toBe('eac-mark-ru');
  });
});

describe.skipIf(!TEST_DATABASE_URL)('two replicas on one database', () => {
  it('answer each Telegram update and Slack event once and send each outbox job once', async () => {
    const db = await createTempDatabase();
    const tg = await startFakeTelegram();
    const slack = await startFakeSlack();
    const knowledge = await makeKnowledgeDir({ binaries: false });
    const secret = 'replica-secret';
    const env = (n: number) => ({
      DATABASE_URL: db.url,
      KNOWLEDGE_DIR: knowledge.path,
      DATA_DIR: tempDir(`replica${n}`).path,
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://advisor.example.org/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: 'tg-secret',
      SLACK_BOT_TOKEN: 'xoxb-r',
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: slack.apiUrl,
      OUTBOX_INTERVAL_MS: '100',
    });
    const a = await startProgram(env(1));
    const b = await startProgram(env(2));
    try {
      const update = textUpdate('/privacy', { userId: 901 });
      const post = (url: string) =>
        fetch(`${url}/telegram/webhook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'tg-secret' },
          body: JSON.stringify(update),
        });
      const [ra, rb] = await Promise.all([post(a.url), post(b.url)]);
      expect([ra.status, rb.status]).toEqual([200, 200]);

      const ev = JSON.stringify(mentionEvent('What does the EAC mark mean?', { eventId: 'EvReplica1' }));
      const sign = () => ({ 'content-type': 'application/json', ...slackSignature(ev, secret) });
      await Promise.all(
        [a.url, b.url].map((u) => fetch(`${u}/slack/events`, { method: 'POST', headers: sign(), body: ev })),
      );

      // Outbox jobs written once, with both replicas' workers polling.
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      for (let i = 0; i < 20; i++)
        await enqueue(
          {
            query: (sql, params) =>
              c.query(sql, params as unknown[]).then((r) => ({ rows: r.rows, rowCount: r.rowCount ?? 0 })),
          },
          'telegram.send',
          `job-${i}`,
          // One chat each: the workers keep Telegram's limit of one message a second per chat.
          { chatId: String(7700 + i), text: `job ${i}` },
        );
      for (let t = 0; t < 100; t++) {
        const left = await c.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
        if (left.rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.end();
      await tg.waitFor((x) => x.method === 'sendMessage' && x.payload.chat_id === 901);
      await slack.waitFor((x) => x.method === 'chat.update');
      await new Promise((r) => setTimeout(r, 500));
      expect(tg.calls.filter((x) => x.method === 'sendMessage' && x.payload.chat_id === 901)).toHaveLength(1);
      expect(slack.calls.filter((x) => x.method === 'chat.postMessage')).toHaveLength(1);
      const jobs = tg.calls
        .filter((x) => x.method === 'sendMessage' && String(x.payload.text).startsWith('job '))
        .map((x) => x.payload.text);
      expect(jobs.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `job ${i}`).sort());
    } finally {
      await a.stop();
      await b.stop();
      await tg.close();
      await slack.close();
      knowledge.remove();
      await db.drop();
    }
  }, 120_000);
});
