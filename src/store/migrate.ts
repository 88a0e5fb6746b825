// Applies src/store/migrations/*.sql in order, once each, on either engine. An up-to-date database
// costs one query: the applied names are read at once and compared with the files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant works; it only has to be the same for every replica.
const MIGRATION_LOCK = 4_242_001;

export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = migrationFiles(dir);
  if (await upToDate(db, files)) return [];
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: string[] = [];
  for (const name of files) {
    const sql = readFileSync(`${dir}/${name}`, 'utf8');
    const done = await db.transaction(async (tx) => {
      // Replicas starting together wait here instead of racing on the same DDL.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (seen.rows.length > 0) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}

/** Names and contents of the migrations, hashed: the same key means the same schema. */
export function migrationsKey(dir = MIGRATIONS_DIR): string {
  const h = createHash('sha256');
  for (const name of migrationFiles(dir)) h.update(`${name}\0${readFileSync(`${dir}/${name}`, 'utf8')}\0`);
  return h.digest('hex').slice(0, 16);
}

function migrationFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort();
}

async function upToDate(db: Db, files: readonly string[]): Promise<boolean> {
  try {
    const r = await db.query<{ names: string[] | null }>(
      'SELECT array_agg(name ORDER BY name) AS names FROM schema_migrations',
    );
    const applied = new Set(r.rows[0]?.names ?? []);
    return files.every((f) => applied.has(f));
  } catch (err) {
    // A new database has no schema_migrations yet (undefined_table); anything else is a real fault.
    if ((err as { code?: string }).code === '42P01') return false;
    throw err;
  }
}

// Migrations are plain DDL: split on semicolons at line ends, outside dollar-quoted bodies.
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    if (/^\s*--/.test(line) && !inDollar) continue;
    const dollars = line.match(/\$\$/g)?.length ?? 0;
    if (dollars % 2 === 1) inDollar = !inDollar;
    current += `${line}\n`;
    if (!inDollar && /;\s*$/.test(line)) {
      const s = current.trim();
      if (s.length > 1) out.push(s);
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
