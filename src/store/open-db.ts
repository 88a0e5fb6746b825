// Chooses the engine from configuration and brings the schema up to date. A new embedded data
// directory starts as a copy of the template (pglite-template.ts) instead of running initdb.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.js';
import { lazyDb, type LazyDb } from './lazy-db.js';
import { migrate, migrationsKey } from './migrate.js';
import { restoreTemplate, saveTemplate } from './pglite-template.js';

export interface DbOptions {
  databaseUrl: string | undefined;
  /** undefined → an in-memory PGlite (tests). */
  dataDir: string | undefined;
}

export async function openDb(opts: DbOptions): Promise<Db> {
  // Each driver is loaded only when chosen: pg for a server, PGlite's worker for the embedded engine.
  if (opts.databaseUrl) return migrated(await (await import('./pg-db.js')).openPostgres(opts.databaseUrl));
  const { openPglite } = await import('./pglite-db.js');
  if (opts.dataDir === undefined) return migrated(await openPglite(undefined));
  const dir = join(opts.dataDir, 'pglite');
  if (existsSync(join(dir, 'PG_VERSION'))) return migrated(await openPglite(dir));
  const key = migrationsKey();
  if (restoreTemplate(dir, key)) return migrated(await openPglite(dir));
  // No template yet: initdb and the migrations, then keep the closed result as the template.
  const fresh = await migrated(await openPglite(dir));
  await fresh.close();
  saveTemplate(dir, key);
  return migrated(await openPglite(dir));
}

async function migrated(db: Db): Promise<Db> {
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
