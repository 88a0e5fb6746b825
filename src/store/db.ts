// The one small query interface every repository uses, whichever engine is behind it:
// PGlite (embedded default) or a PostgreSQL server through pg.

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PostgreSQL only: calls `onNotify` for NOTIFY on `channel` (other replicas' changes). */
  listen?(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
}
