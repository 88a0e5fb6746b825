// Start-up without repeated work, through the real `advisor` process: `ask` answers from the saved
// knowledge snapshot without opening the database, a changed knowledge base is never answered from
// an old snapshot, and an up-to-date schema costs one query.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable, QueryResult } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { openPglite } from '../src/store/pglite-db.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { runAdvisor } from './support/run-cli.js';

describe('start-up', () => {
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };
  let env: Record<string, string>;

  beforeAll(async () => {
    knowledge = await makeKnowledgeDir({ binaries: false });
    data = tempDir('startup');
    env = { KNOWLEDGE_DIR: knowledge.path, DATA_DIR: data.path };
    expect((await runAdvisor(['ingest'], env)).code).toBe(0);
  });
  afterAll(() => {
    knowledge.remove();
    data.remove();
  });

  it('answers `ask` from the saved snapshot without opening the database', async () => {
    // A file where the database directory should be: opening it would fail.
    const db = join(data.path, 'pglite');
    renameSync(db, `${db}.away`);
    writeFileSync(db, 'not a database');
    try {
      const r = await runAdvisor(['ask', 'кто может быть заявителем?', '--json'], env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).citations[0]).toMatchObject({ docId: 'eac-mark-ru' });
      // …and a command that needs the database does try to open it.
      const tickets = await runAdvisor(['tickets'], env);
      expect(tickets.code).toBe(1);
    } finally {
      rmSync(db);
      renameSync(`${db}.away`, db);
    }
  });

  it('answers from the changed knowledge after an ingest, never from the old snapshot', async () => {
    const file = join(knowledge.path, 'logistics/gauge-change.ru.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('от одних до нескольких суток', 'от 7 до 9 суток'));
    const ingest = await runAdvisor(['ingest', '--json'], env);
    expect(JSON.parse(ingest.stdout).changed).toEqual(['logistics/gauge-change.ru.md']);
    const r = await runAdvisor(['search', 'от 7 до 9 суток', '--k', '1', '--json'], env);
    expect(JSON.parse(r.stdout)[0].text).toContain('от 7 до 9 суток');
  });

  it('rebuilds from the database when the snapshot was dropped and not written again (a crash mid-ingest)', async () => {
    rmSync(join(data.path, 'index', 'knowledge.manifest.json'));
    const r = await runAdvisor(['search', 'от 7 до 9 суток', '--k', '1', '--json'], env);
    expect(JSON.parse(r.stdout)[0].text).toContain('от 7 до 9 суток');
    expect(readFileSync(join(data.path, 'index', 'knowledge.manifest.json'), 'utf8')).toContain('"fingerprint"');
  });

  it('checks an up-to-date schema with one query', async () => {
    const inner = await openPglite(undefined);
    try {
      await migrate(inner);
      const seen: string[] = [];
      const counting: Db = {
        engine: inner.engine,
        query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
          seen.push(sql);
          return inner.query<T>(sql, params);
        },
        exec: async (sql) => {
          seen.push(sql);
          await inner.exec(sql);
        },
        transaction: <T>(fn: (tx: Queryable) => Promise<T>) => {
          seen.push('BEGIN');
          return inner.transaction(fn);
        },
        close: () => inner.close(),
      };
      expect(await migrate(counting)).toEqual([]);
      expect(seen).toHaveLength(1);
    } finally {
      await inner.close();
    }
  });
});
