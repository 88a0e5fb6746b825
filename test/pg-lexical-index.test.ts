// The lexical index kept in the database (src/rag/pg-lexical-index.ts) must rank exactly as the
// in-memory index it was saved from: every xquad question of the three languages, top 10 with the
// same ids, order and scores, with a small postings cache that has to evict and fetch again. PGlite
// always; the PostgreSQL server too when TEST_DATABASE_URL is set.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Bm25Index } from '../src/rag/bm25-index.js';
import { readCorpus, readQueries } from '../src/rag/eval-retrieval.js';
import { PgLexicalIndex } from '../src/rag/pg-lexical-index.js';
import { tokenize } from '../src/rag/tokenize.js';
import { openPglite } from '../src/store/pglite-db.js';
import { openPostgres } from '../src/store/pg-db.js';
import type { Db } from '../src/store/db.js';
import { XQUAD_DIR } from '../bench/scale-corpus.js';
import { createTempDatabase, TEST_DATABASE_URL } from './support/temp-database.js';

const LANGS = ['en', 'ru', 'zh'] as const;
const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

const engines: Array<[string, () => Promise<Db>]> = [
  ['PGlite', () => openPglite(undefined)],
  ...(TEST_DATABASE_URL
    ? ([
        [
          'PostgreSQL',
          async () => {
            const tmp = await createTempDatabase('sco_lexical');
            cleanup.push(tmp.drop);
            return openPostgres(tmp.url, { max: 2 });
          },
        ],
      ] as Array<[string, () => Promise<Db>]>)
    : []),
];

describe.skipIf(!existsSync(XQUAD_DIR))('lexical index in the database', () => {
  const texts = LANGS.flatMap((l) =>
    readCorpus(join(XQUAD_DIR, `corpus.${l}.jsonl`)).map((c) => `${c.title}\n${c.text}`),
  );
  const queries = LANGS.flatMap((l) => readQueries(join(XQUAD_DIR, `queries.${l}.jsonl`)));
  const memory = new Bm25Index();
  for (const t of texts) memory.add(tokenize(t));
  memory.freeze();

  for (const [name, open] of engines) {
    it(`${name}: a replica that loaded only document lengths ranks every question as the in-memory index`, async () => {
      const db = await open();
      cleanup.push(() => db.close());
      await new PgLexicalIndex(db, 'lexical_test').save(memory, 500);
      // A fresh instance, as a replica starting: nothing but the lengths until a question comes.
      const replica = new PgLexicalIndex(db, 'lexical_test', { cacheBytes: 64 * 1024 });
      await replica.load();
      expect(replica.size).toBe(texts.length);
      const mask = Uint8Array.from(texts, (_, i) => (i % 2 === 0 ? 1 : 0));
      for (const q of queries) {
        const qt = tokenize(q.text);
        expect(await replica.search(qt, 10)).toEqual(memory.search(qt, 10));
        if (q.id.endsWith('0')) expect(await replica.search(qt, 10, mask)).toEqual(memory.search(qt, 10, mask));
      }
      expect(replica.cacheBytes).toBeLessThanOrEqual(64 * 1024 + 8 * 1024);
    }, 240_000); // 2,000 questions against PGlite on a shared machine
  }
});
