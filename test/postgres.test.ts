// The same ingest → search → ask path on a real PostgreSQL server (TEST_DATABASE_URL), by CLI and HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { runAdvisor } from './support/run-cli.js';
import { startApp } from './support/start-app.js';
import { createTempDatabase, TEST_DATABASE_URL } from './support/temp-database.js';

describe.skipIf(!TEST_DATABASE_URL)('on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTempDatabase>>;
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTempDatabase();
    knowledge = await makeKnowledgeDir();
    data = tempDir('pg-data');
    env = { DATABASE_URL: db.url, KNOWLEDGE_DIR: knowledge.path, DATA_DIR: data.path };
  });
  afterAll(async () => {
    await db?.drop();
    knowledge?.remove();
    data?.remove();
  });

  it('ingests, searches and answers through the CLI', async () => {
    const ingest = await runAdvisor(['ingest', '--json'], env);
    expect(ingest.stderr).toBe('');
    expect(JSON.parse(ingest.stdout)).toMatchObject({ failed: [], removed: [] });
    expect(JSON.parse(ingest.stdout).added).toHaveLength(8);
    const search = await runAdvisor(['search', 'UN number dangerous goods', '--json'], env);
    expect(JSON.parse(search.stdout)[0]).toMatchObject({ docId: 'dangerous-goods-en' });
    const ask = await runAdvisor(['ask', 'на каких переходах меняют колею?', '--json'], env);
    expect(JSON.parse(ask.stdout).citations[0]).toMatchObject({ docId: 'gauge-change-ru', asOf: '2024-12-31' });
  });

  it('serves the same answers over HTTP from the same database', async () => {
    const app = await startApp(env);
    try {
      const ready = await (await fetch(`${app.url}/readyz`)).json();
      expect(ready).toMatchObject({ status: 'ready', engine: 'postgres', documents: 8 });
      const r = await fetch(`${app.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'What does the EAC mark mean?' }),
      });
      expect(((await r.json()) as any).citations[0]).toMatchObject({ docId: 'eac-mark-en', lang: 'en' });
    } finally {
      await app.stop();
    }
  });
});
