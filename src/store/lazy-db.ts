// A Db that opens its engine on first use. Commands that never touch the database (`--help`,
// `lint`, `route`, an `ask` answered from the saved knowledge snapshot) never start PGlite, which
// costs about a second and ~100 MB of WASM heap. Everything else sees an ordinary Db.
import type { Db, Queryable, QueryResult } from './db.js';

export type LazyDb = Db;

export function lazyDb(engine: Db['engine'], open: () => Promise<Db>): LazyDb {
  let db: Promise<Db> | undefined;
  const get = () => (db ??= open());
  const lazy: LazyDb = {
    engine,
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      return (await get()).query<T>(sql, params);
    },
    async exec(sql: string): Promise<void> {
      return (await get()).exec(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return (await get()).transaction(fn);
    },
    async close(): Promise<void> {
      if (!db) return;
      // A database that failed to open has nothing to close.
      const opened = await db.catch(() => undefined);
      await opened?.close();
    },
  };
  if (engine === 'postgres') {
    lazy.listen = async (channel, onNotify) => {
      const d = await get();
      if (!d.listen) throw new Error('this database cannot LISTEN');
      return d.listen(channel, onNotify);
    };
  }
  return lazy;
}
