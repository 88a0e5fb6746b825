// Chooses the engine from configuration and brings the schema up to date.
import { join } from 'node:path';
import type { Db } from './db.js';
import { lazyDb, type LazyDb } from './lazy-db.js';
import { migrate } from './migrate.js';

export interface DbOptions {
  databaseUrl: string | undefined;
  /** undefined → an in-memory PGlite (tests). */
  dataDir: string | undefined;
}

export async function openDb(opts: DbOptions): Promise<Db> {
  // Each driver is loaded only when chosen: pg for a server, PGlite's worker for the embedded engine.
  const db = opts.databaseUrl
    ? await (await import('./pg-db.js')).openPostgres(opts.databaseUrl)
    : await (
        await import('./pglite-db.js')
      ).openPglite(opts.dataDir === undefined ? undefined : join(opts.dataDir, 'pglite'));
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

/** The same database, opened (and migrated) by its first statement. */
export function openDbLazily(opts: DbOptions): LazyDb {
  return lazyDb(opts.databaseUrl ? 'postgres' : 'pglite', () => openDb(opts));
}
