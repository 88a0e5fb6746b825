// The embedded engine runs in a worker thread: statements, errors and transactions must behave as
// they did in-process, and a call must never hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.js';
import { openPglite } from '../src/store/pglite-db.js';

describe('PGlite in a worker thread', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite(undefined);
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, note text, at timestamptz, data jsonb, raw bytea)');
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('round-trips parameters and typed results', async () => {
    const at = new Date('2026-11-25T10:00:00Z');
    const r = await db.query<{ id: number; note: string; at: Date; data: { a: number[] }; raw: Uint8Array }>(
      'INSERT INTO t VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING *',
      [1, 'Алашанькоу 阿拉山口', at, JSON.stringify({ a: [1, 2] }), new Uint8Array([0, 255])],
    );
    expect(r.rowCount).toBe(1);
    expect(r.rows[0]).toMatchObject({ id: 1, note: 'Алашанькоу 阿拉山口', data: { a: [1, 2] } });
    expect(r.rows[0]!.at.toISOString()).toBe(at.toISOString());
    expect([...r.rows[0]!.raw]).toEqual([0, 255]);
  });

  it('reports database errors with their SQLSTATE code', async () => {
    await expect(db.query('INSERT INTO t (id) VALUES (1)')).rejects.toMatchObject({ code: '23505' });
    await expect(db.query('SELEC 1')).rejects.toThrow(/syntax error/);
  });

  it('commits, rolls back on a throw, and keeps other statements out of an open transaction', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id, note) VALUES (2, $1)', ['committed']);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id, note) VALUES (3, $1)', ['rolled back']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const ids = await db.query<{ id: number }>('SELECT id FROM t ORDER BY id');
    expect(ids.rows.map((r) => r.id)).toEqual([1, 2]);

    // A statement issued while a transaction is open waits for it and sees its committed result.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = db.transaction(async (q) => {
      await q.query('INSERT INTO t (id, note) VALUES (4, $1)', ['in tx']);
      await gate;
    });
    await new Promise((r) => setTimeout(r, 50));
    const outside = db.query<{ n: string }>('SELECT count(*)::text AS n FROM t');
    await new Promise((r) => setTimeout(r, 50));
    release();
    await tx;
    expect((await outside).rows[0]!.n).toBe('3');
  });

  it('rejects calls after close instead of hanging', async () => {
    const other = await openPglite(undefined);
    await other.close();
    await expect(other.query('SELECT 1')).rejects.toThrow(/stopped/);
  });
});
