// A new embedded database costs initdb (8–10 s and ~800 MB of WASM heap on two cores) and the
// migrations (~2 s), and produces the same files every time for one PGlite version and one set of
// migrations. The first result is kept as a template under node_modules/.cache (made by `npm ci`,
// or by the first new data directory), and later new data directories start as a copy (~0.1 s).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** node_modules/.cache/sco-advisor beside the PGlite package, or undefined when it cannot be found. */
function cacheDir(): { dir: string; version: string } | undefined {
  try {
    const pkgDir = dirname(dirname(require.resolve('@electric-sql/pglite')));
    const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    // …/node_modules/@electric-sql/pglite → …/node_modules/.cache/sco-advisor
    return { dir: join(pkgDir, '..', '..', '.cache', 'sco-advisor'), version };
  } catch {
    return undefined;
  }
}

function templatePath(migrationsKey: string): string | undefined {
  const c = cacheDir();
  return c && join(c.dir, `pglite-${c.version}-${migrationsKey}`);
}

export function hasTemplate(migrationsKey: string): boolean {
  const template = templatePath(migrationsKey);
  return template !== undefined && existsSync(join(template, 'PG_VERSION'));
}

/** Copies the template into `dataDir` when there is one and the directory is empty or missing. */
export function restoreTemplate(dataDir: string, migrationsKey: string): boolean {
  const template = templatePath(migrationsKey);
  if (!template || !hasTemplate(migrationsKey)) return false;
  // Leftovers of an interrupted start are not mixed with the template: initdb deals with them.
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return false;
  mkdirSync(dataDir, { recursive: true });
  cpSync(template, dataDir, { recursive: true });
  return true;
}

/** Keeps a cleanly closed, freshly migrated data directory as the template; best effort. */
export function saveTemplate(dataDir: string, migrationsKey: string): void {
  const template = templatePath(migrationsKey);
  if (!template || existsSync(template)) return;
  const tmp = `${template}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(template), { recursive: true });
    cpSync(dataDir, tmp, { recursive: true });
    renameSync(tmp, template);
    // Templates of other PGlite versions or migration sets are of no further use.
    for (const old of readdirSync(dirname(template)))
      if (old.startsWith('pglite-') && join(dirname(template), old) !== template && !old.includes('.tmp-'))
        rmSync(join(dirname(template), old), { recursive: true, force: true });
  } catch {
    // A read-only node_modules or a concurrent writer: the next new directory runs initdb again.
    rmSync(tmp, { recursive: true, force: true });
  }
}
