// `npm run build` (and `prepare`, so `npm ci` builds): compiles src/ to dist/ with esbuild, one
// output file per source file in the same layout, and copies every other file under src/ (the
// PGlite worker, migrations, assets) beside it, so `new URL('./x', import.meta.url)` finds the same
// file from dist/ as from src/. Types are checked by `tsc --noEmit`, not here.
//   node scripts/build.mjs            build
//   node scripts/build.mjs --if-stale build only when dist/ does not match src/ (test setup, bench)
// The new tree is written beside dist/ and swapped in by renames, so a process starting meanwhile
// finds either the old complete build, the new one, or none (and then runs the sources).
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeFile, distState, inputFiles, STAMP_FILE } from './dist-state.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function build(root = ROOT) {
  const started = Date.now();
  // Recorded before compiling: a file edited during the build then looks changed and is built again.
  const files = inputFiles(root);
  const inputs = Object.fromEntries(files.map((rel) => [rel, describeFile(root, rel)]));
  const sources = files.filter((f) => f.startsWith('src/'));
  const tmp = join(root, `dist.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const { build: esbuild } = await import('esbuild');
  await esbuild({
    absWorkingDir: root,
    entryPoints: sources.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
    outdir: tmp,
    outbase: 'src',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    bundle: false,
    logLevel: 'warning',
  });
  for (const f of sources.filter((s) => !s.endsWith('.ts'))) {
    const to = join(tmp, f.slice('src/'.length));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(root, f), to);
  }
  writeFileSync(join(tmp, STAMP_FILE), JSON.stringify({ version: 1, builtAt: new Date().toISOString(), inputs }));
  const dist = join(root, 'dist');
  const old = join(root, `dist.old-${process.pid}`);
  try {
    renameSync(dist, old);
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  try {
    renameSync(tmp, dist);
  } catch (err) {
    // Another build swapped its tree in between our renames; it compiled the same sources.
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return { files: sources.length, ms: Date.now() - started };
}

export async function buildIfStale(root = ROOT) {
  const state = distState(root);
  if (state.fresh) return undefined;
  return { reason: state.reason, ...(await build(root)) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(join(ROOT, 'src', 'cli.ts'))) {
    // `npm ci` in a Docker layer that has package.json but not the sources yet: nothing to build.
    console.log('build: no src/ here yet; skipped');
  } else if (process.argv.includes('--if-stale')) {
    const r = await buildIfStale();
    if (r) console.log(`build: ${r.reason}; compiled ${r.files} files to dist/ in ${r.ms} ms`);
  } else {
    const r = await build();
    console.log(`build: compiled ${r.files} files to dist/ in ${r.ms} ms`);
  }
}
