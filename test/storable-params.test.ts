// A NUL character in a user's message (found by fuzzing the Slack events endpoint on PostgreSQL):
// stored in text and jsonb on both engines, as U+FFFD, instead of failing the turn with 22021.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.js';
import { openPostgres } from '../src/store/pg-db.js';
import { openPglite } from '../src/store/pglite-db.js';
import { createTempDatabase, TEST_DATABASE_URL } from './support/temp-database.js';

const engines: Array<[string, () => Promise<{ db: Db; done: () => Promise<void> }>]> = [
  [
    'PGlite',
    async () => {
      const db = await openPglite(undefined);
      return { db, done: () => db.close() };
    },
  ],
];
if (TEST_DATABASE_URL)
  engines.push([
    'PostgreSQL',
    async () => {
      const temp = await createTempDatabase('sco_nul');
      const db = await openPostgres(temp.url);
      return {
        db,
        done: async () => {
          await db.close();
          await temp.drop();
        },
      };
    },
  ]);

describe.each(engines)('%s: a NUL in a message', (_name, open) => {
  let db: Db;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ db, done } = await open());
    await db.exec('CREATE TABLE notes (body TEXT NOT NULL, meta JSONB NOT NULL)');
  });
  afterAll(async () => done?.());

  it('is stored as U+FFFD in text and jsonb, in a statement and in a transaction', async () => {
    const text = 'hello\u0000world';
    await db.query('INSERT INTO notes (body, meta) VALUES ($1, $2::jsonb)', [text, JSON.stringify({ text })]);
    await db.transaction((tx) =>
      tx.query('INSERT INTO notes (body, meta) VALUES ($1, $2::jsonb)', [text, JSON.stringify({ text })]),
    );
    const r = await db.query<{ body: string; meta: { text: string } }>('SELECT body, meta FROM notes');
    expect(r.rows).toEqual([
      { body: 'hello\uFFFDworld', meta: { text: 'hello\uFFFDworld' } },
      { body: 'hello\uFFFDworld', meta: { text: 'hello\uFFFDworld' } },
    ]);
  });
});
