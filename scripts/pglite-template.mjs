// Part of `npm ci` (prepare) after the build: creates the embedded database template (initdb and
// the migrations, once per PGlite version and migration set) so the first `npm start` on a new
// data directory copies it instead of spending ~10 s in initdb. See src/store/pglite-template.ts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(ROOT, 'dist', 'store', 'open-db.js'))) {
  console.log('pglite template: no build yet; skipped');
} else {
  const { migrationsKey } = await import('../dist/store/migrate.js');
  const { hasTemplate } = await import('../dist/store/pglite-template.js');
  if (!hasTemplate(migrationsKey())) {
    const started = Date.now();
    const { openDb } = await import('../dist/store/open-db.js');
    const dir = mkdtempSync(join(tmpdir(), 'sco-template-'));
    try {
      const db = await openDb({ databaseUrl: undefined, dataDir: dir });
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`pglite template: created in ${Date.now() - started} ms`);
  }
}
