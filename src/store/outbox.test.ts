import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { openDb } from './open-db.js';
import { enqueue, enqueueMany, NotReadyError, OutboxRepo, RetryLaterError } from './outbox.js';

describe('outbox rows', () => {
  let db: Db;
  let repo: OutboxRepo;
  // A fixed moment in the future: rows enqueued at T0 must not be due "now" in the last step,
  // whatever the wall clock says when the suite runs (a past T0 made this a time bomb).
  const T0 = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1, 10));
  const at = (ms: number) => new Date(T0.getTime() + ms);
  beforeAll(async () => {
    db = await openDb({ databaseUrl: undefined, dataDir: undefined });
    repo = new OutboxRepo(db);
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await db.query('DELETE FROM outbox');
  });
  const keys = (rows: Array<{ key: string }>) => rows.map((r) => r.key);

  it('writes a row once per idempotency key, with its payload as JSON', async () => {
    await enqueue(db, 'slack.post', 'k1', { channel: 'C1', text: 'hello', n: 1 }, T0);
    await enqueue(db, 'slack.post', 'k1', { channel: 'C1', text: 'again' }, T0);
    const rows = await repo.claimDue(T0, 10, 1000);
    expect(rows).toEqual([
      { id: rows[0]!.id, kind: 'slack.post', key: 'k1', attempts: 1, payload: { channel: 'C1', text: 'hello', n: 1 } },
    ]);
    expect(await repo.depth()).toBe(1);
  });

  it('is due from the moment given (or now), oldest first, and at most `limit` at a time', async () => {
    await enqueue(db, 'telegram.send', 'later', { chatId: '1' }, at(5000));
    await enqueue(db, 'telegram.send', 'a', { chatId: '1' }, T0);
    await enqueue(db, 'telegram.send', 'b', { chatId: '1' }, T0);
    await enqueue(db, 'telegram.send', 'c', { chatId: '1' }, T0);
    expect(keys(await repo.claimDue(T0, 2, 60_000))).toEqual(['a', 'b']);
    expect(keys(await repo.claimDue(T0, 10, 60_000))).toEqual(['c']);
    expect(keys(await repo.claimDue(at(4999), 10, 60_000))).toEqual([]);
    expect(keys(await repo.claimDue(at(5000), 10, 60_000))).toEqual(['later']);
    await enqueue(db, 'telegram.send', 'now', { chatId: '1' });
    expect(keys(await repo.claimDue(new Date(Date.now() + 1000), 10, 1000))).toEqual(['now']);
  });

  it('writes many rows in batches of 500 (a digest fan-out), each key once, and counts what it wrote', async () => {
    await enqueue(db, 'telegram.send', 'fan-7', { chatId: 'old' });
    const rows = Array.from({ length: 1201 }, (_, i) => ({
      kind: 'telegram.send' as const,
      key: `fan-${i}`,
      payload: { chatId: String(i), text: `digest ${i}` },
    }));
    // 1,201 rows cross two batch boundaries; fan-7 is queued already and stays as it was. Each insert
    // stays far below PostgreSQL's 65,535 bind parameters, however many rows a fan-out has.
    const params: number[] = [];
    const counting = {
      query: (sql: string, values?: unknown[]) => {
        params.push(values?.length ?? 0);
        return db.query(sql, values);
      },
    } as typeof db;
    expect(await enqueueMany(counting, rows)).toBe(1200);
    expect(params).toEqual([1500, 1500, 603]);
    expect(await enqueueMany(db, rows.slice(0, 3))).toBe(0);
    expect(await enqueueMany(db, [])).toBe(0);
    const due = await repo.claimDue(new Date(Date.now() + 1000), 2000, 60_000);
    expect(due).toHaveLength(1201);
    const byKey = new Map(due.map((r) => [r.key, r]));
    expect(byKey.get('fan-7')!.payload).toEqual({ chatId: 'old' });
    for (const i of [0, 1, 499, 500, 501, 999, 1000, 1200])
      expect(byKey.get(`fan-${i}`), String(i)).toMatchObject({
        kind: 'telegram.send',
        payload: { chatId: String(i), text: `digest ${i}` },
      });
  });

  it('names its errors, as logs and stack traces show them', () => {
    expect(String(new NotReadyError('no thread yet'))).toBe('NotReadyError: no thread yet');
    expect(String(new RetryLaterError('429', 5000))).toBe('RetryLaterError: 429');
  });

  it('leases a row: not claimed again until the lease runs out, then with one more attempt', async () => {
    await enqueue(db, 'slack.post', 'k', {}, T0);
    expect((await repo.claimDue(T0, 10, 4000))[0]!.attempts).toBe(1);
    expect(await repo.claimDue(at(3999), 10, 4000)).toEqual([]);
    expect(await repo.claimDue(at(4000), 10, 4000)).toEqual([]);
    const again = await repo.claimDue(at(4001), 10, 4000);
    expect(again.map((r) => [r.key, r.attempts])).toEqual([['k', 2]]);
  });

  it('a sent row is never claimed again and keeps its result; a failed one is due at its retry time', async () => {
    await enqueue(db, 'slack.post', 'sent', {}, T0);
    await enqueue(db, 'slack.post', 'failed', {}, T0);
    const [a, b] = await repo.claimDue(T0, 10, 60_000);
    await repo.markSent(a!.id, at(10), { ts: '1.2' });
    await repo.markFailed(b!.id, at(30_000), 'x'.repeat(600));
    expect(await repo.depth()).toBe(1);
    const row = (
      await db.query<{ result: unknown; sent_at: unknown; locked_until: unknown; last_error: string | null }>(
        "SELECT result, sent_at, locked_until, last_error FROM outbox WHERE idempotency_key = 'sent'",
      )
    ).rows[0]!;
    expect(row.result).toEqual({ ts: '1.2' });
    expect(new Date(row.sent_at as string).getTime()).toBe(at(10).getTime());
    expect(row.locked_until).toBeNull();
    expect(row.last_error).toBeNull();
    const failed = (
      await db.query<{ last_error: string; locked_until: unknown }>(
        "SELECT last_error, locked_until FROM outbox WHERE idempotency_key = 'failed'",
      )
    ).rows[0]!;
    expect(failed.last_error).toHaveLength(500);
    expect(failed.locked_until).toBeNull();
    expect(keys(await repo.claimDue(at(29_999), 10, 60_000))).toEqual([]);
    expect(await repo.claimDue(at(30_000), 10, 60_000)).toMatchObject([{ key: 'failed', attempts: 2 }]);
    expect(await repo.claimDue(at(89_999), 10, 60_000)).toEqual([]); // leased again until 90 s
  });

  it('stores a result of undefined as null and a failure clears the error of a later success', async () => {
    await enqueue(db, 'slack.post', 'k', {}, T0);
    const [r] = await repo.claimDue(T0, 1, 1);
    await repo.markFailed(r!.id, T0, 'first');
    await repo.markSent(r!.id, T0, undefined);
    const row = (await db.query<{ result: unknown; last_error: unknown }>('SELECT result, last_error FROM outbox'))
      .rows[0]!;
    expect(row).toEqual({ result: null, last_error: null });
  });
});
