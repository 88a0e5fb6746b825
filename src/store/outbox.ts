// The outbox: a notification is written in the same transaction as the change it announces, and
// a worker sends it later with retries. A crash between the two loses nothing; the idempotency key
// keeps one change from being announced twice.
import type { Db, Queryable } from './db.js';

export type OutboxKind = 'telegram.send' | 'slack.post' | 'slack.update';

export interface OutboxRow {
  id: number;
  kind: OutboxKind;
  payload: Record<string, any>;
  key: string;
  attempts: number;
}

/** Delivers one row (a channel's API call); its result is stored with the row. */
export type Sender = (row: OutboxRow) => Promise<unknown>;

/** A sender throws this when the row cannot be sent yet (e.g. its thread does not exist yet). */
export class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
}

/** A sender throws this when the service said when to come back (a 429 with its delay). */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  constructor(
    message: string,
    readonly afterMs: number,
  ) {
    super(message);
  }
}

export async function enqueue(
  tx: Queryable,
  kind: OutboxKind,
  key: string,
  payload: Record<string, unknown>,
  now?: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO outbox (kind, payload, idempotency_key, next_attempt_at) VALUES ($1, $2::jsonb, $3, COALESCE($4::timestamptz, now()))
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [kind, JSON.stringify(payload), key, now?.toISOString() ?? null],
  );
}

export class OutboxRepo {
  constructor(private readonly db: Db) {}

  /** Leases up to `limit` due rows; a row whose lease runs out (a crashed sender) is due again. */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<OutboxRow[]> {
    const r = await this.db.query<{
      id: string;
      kind: OutboxKind;
      payload: Record<string, any> | string;
      idempotency_key: string;
      attempts: number;
    }>(
      // RETURNING has no order of its own: the rows are handed out oldest first by the outer query.
      `WITH claimed AS (
         UPDATE outbox SET locked_until = $1::timestamptz + ($3 || ' milliseconds')::interval, attempts = attempts + 1
          WHERE id IN (SELECT id FROM outbox
                        WHERE sent_at IS NULL AND next_attempt_at <= $1::timestamptz
                          AND (locked_until IS NULL OR locked_until < $1::timestamptz)
                        ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING id, kind, payload, idempotency_key, attempts)
       SELECT * FROM claimed ORDER BY id`,
      [now.toISOString(), limit, String(leaseMs)],
    );
    return r.rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind,
      key: row.idempotency_key,
      attempts: row.attempts,
      payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    }));
  }

  async markSent(id: number, now: Date, result: unknown): Promise<void> {
    await this.db.query(
      'UPDATE outbox SET sent_at = $2::timestamptz, result = $3::jsonb, locked_until = NULL, last_error = NULL WHERE id = $1',
      [id, now.toISOString(), JSON.stringify(result ?? null)],
    );
  }

  async markFailed(id: number, retryAt: Date, error: string): Promise<void> {
    await this.db.query(
      'UPDATE outbox SET next_attempt_at = $2::timestamptz, last_error = $3, locked_until = NULL WHERE id = $1',
      [id, retryAt.toISOString(), error.slice(0, 500)],
    );
  }

  async depth(): Promise<number> {
    const r = await this.db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL');
    return Number(r.rows[0]!.n);
  }
}

/** Many rows in a few multi-row inserts (a digest fan-out); a key already queued is left as it is. */
export async function enqueueMany(
  tx: Queryable,
  rows: ReadonlyArray<{ kind: OutboxKind; key: string; payload: Record<string, unknown> }>,
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += 500) {
    const slice = rows.slice(start, start + 500);
    const values: unknown[] = [];
    const tuples = slice.map((r, i) => {
      values.push(r.kind, JSON.stringify(r.payload), r.key);
      return `($${i * 3 + 1}, $${i * 3 + 2}::jsonb, $${i * 3 + 3})`;
    });
    const res = await tx.query(
      `INSERT INTO outbox (kind, payload, idempotency_key) VALUES ${tuples.join(', ')}
       ON CONFLICT (idempotency_key) DO NOTHING`,
      values,
    );
    inserted += res.rowCount;
  }
  return inserted;
}
