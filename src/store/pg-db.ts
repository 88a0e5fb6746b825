// PostgreSQL server through a pg pool: the path to several replicas sharing one database.
import pg from 'pg';
import type { Db, Queryable, QueryResult } from './db.js';
import { storableParams } from './storable-params.js';

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const client = await pool.connect(); // fail fast on a wrong URL
  client.release();
  return new PgDb(pool);
}

/**
 * The server ended the session while our statement ran (pg_terminate_backend, a restart or
 * failover: SQLSTATE class 57P). The statement was cut off before it committed, so running it
 * again on a new connection neither loses nor doubles it. (A COMMIT cut off is the exception and is
 * never repeated; an autocommit statement's own commit is a window of microseconds before its reply.)
 */
export function sessionEnded(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('57P');
}

/** Attempts after the first when the server keeps ending sessions (a failover takes a few). */
const SESSION_RETRIES = 3;
const RETRY_BASE_MS = 50;

/**
 * Runs `fn` again when the server ended the session under it, up to three more times, 50, 150 and
 * 450 ms apart: a restart or failover, or an operator terminating backends in a loop, can cut the
 * rerun too (seen in the fault campaign under load, where one retry lost a turn).
 */
async function whileSessionsEnd<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!sessionEnded(err) || attempt >= SESSION_RETRIES) throw err;
      await new Promise((r) => setTimeout(r, RETRY_BASE_MS * 3 ** attempt));
    }
  }
}

class PgDb implements Db {
  readonly engine = 'postgres' as const;
  constructor(private readonly pool: pg.Pool) {}

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    const r = await whileSessionsEnd(() => this.pool.query(sql, storableParams(params)));
    return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
  }

  async exec(sql: string): Promise<void> {
    await whileSessionsEnd(() => this.pool.query(sql));
  }

  /** A transaction the server cut off was rolled back with it: it runs again, whole. */
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return whileSessionsEnd(() => this.transactionOnce(fn));
  }

  private async transactionOnce<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client whose connection drops emits 'error' with no pool listener attached:
    // unheard, that would end the process. The statement in flight fails and says why.
    const heard = () => undefined;
    client.on('error', heard);
    let result: T;
    try {
      await client.query('BEGIN');
      result = await fn({
        async query<R>(sql: string, params: readonly unknown[] = []) {
          const r = await client.query(sql, storableParams(params));
          return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
        },
      });
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      // A client whose session the server ended is not given back to the pool.
      client.release(sessionEnded(err) ? (err as Error) : undefined);
      throw err;
    }
    try {
      await client.query('COMMIT');
    } catch (err) {
      client.release(err as Error);
      // Cut off during COMMIT, the transaction may have committed: it is never run again.
      throw Object.assign(new Error(`commit interrupted: ${(err as Error).message}`), { cause: err });
    }
    client.off('error', heard);
    client.release();
    return result;
  }

  /**
   * LISTEN on a connection of its own. When the server ends that session (a terminated backend, a
   * restart) the process carries on: it listens again on a new connection, retrying every second,
   * and then calls `onNotify('')` once, since a change may have been announced meanwhile.
   */
  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    let current: { client: pg.PoolClient; release: (err?: Error) => void } | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async () => {
      const client = await this.pool.connect();
      // Released once: a connection the server ends may report more than one error, or report it after
      // stop() released it, and a second release throws out of the event handler (seen in CI as an
      // uncaught "Release called on client which has already been released to the pool").
      let released = false;
      const notified = (n: pg.Notification) => {
        if (n.channel === channel) onNotify(n.payload ?? '');
      };
      const failed = (err: Error) => {
        if (released) return;
        const listening = current?.client === client;
        if (listening) current = undefined;
        release(err);
        // A connection lost before LISTEN finished is retried by connect()'s caller.
        if (listening && !stopped) retry = setTimeout(again, 1000);
      };
      // Back in the pool the connection is another query's: this listener's handlers leave with it.
      const release = (err?: Error) => {
        if (released) return;
        released = true;
        client.off('notification', notified);
        client.off('error', failed);
        client.release(err);
      };
      client.on('notification', notified);
      client.on('error', failed);
      try {
        await client.query(`LISTEN ${channel}`);
      } catch (err) {
        release(err as Error);
        throw err;
      }
      current = { client, release };
    };
    const again = () => {
      connect().then(
        () => onNotify(''),
        () => {
          if (!stopped) retry = setTimeout(again, 1000);
        },
      );
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      const listening = current;
      current = undefined;
      if (!listening) return;
      await listening.client.query(`UNLISTEN ${channel}`).catch(() => {});
      listening.release();
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
