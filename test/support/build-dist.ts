// Vitest global setup: compile src/ to dist/ when it is out of date, before any test spawns the
// `advisor` bin. The bin also checks on every start and runs the sources through tsx if dist/ is
// stale (an edit made while the tests run), so a test never runs old code; this only keeps it fast.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function buildDist(): void {
  const root = join(import.meta.dirname, '../..');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
