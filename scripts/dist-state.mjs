// Is dist/ the compiled form of the src/ on disk right now? The build records every input file's
// size, modification time and content hash in dist/build-stamp.json; this compares them with the
// files as they are. A size or a file list that differs means stale; a file whose time differs
// but whose bytes hash the same (a checkout back and forth) is still fresh. About 2 ms for the
// whole tree, so the `advisor` bin asks on every start and never runs a stale build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const STAMP_FILE = 'build-stamp.json';
/** Files outside src/ whose change changes the output. */
export const EXTRA_INPUTS = ['tsconfig.json', 'scripts/build.mjs'];

/** Every file the build reads, relative to the project root with forward slashes. */
export function inputFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !entry.name.endsWith('.test.ts')) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(join(root, 'src'));
  for (const f of EXTRA_INPUTS) out.push(f);
  return out.sort();
}

export function hashFile(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 32);
}

/** The record of one input as the stamp keeps it: [size, mtimeMs, hash]. */
export function describeFile(root, rel) {
  const path = join(root, rel);
  const st = statSync(path);
  return [st.size, st.mtimeMs, hashFile(path)];
}

/** { fresh: true } or { fresh: false, reason } for the dist/ under `root`. */
export function distState(root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, 'dist', STAMP_FILE), 'utf8'));
  } catch {
    return { fresh: false, reason: 'no build (dist/build-stamp.json is missing)' };
  }
  if (stamp?.version !== 1 || typeof stamp.inputs !== 'object') return { fresh: false, reason: 'unknown stamp' };
  let files;
  try {
    files = inputFiles(root);
  } catch {
    return { fresh: false, reason: 'src/ cannot be read' };
  }
  const recorded = Object.keys(stamp.inputs);
  if (recorded.length !== files.length) return { fresh: false, reason: 'files were added or removed' };
  for (const rel of files) {
    const was = stamp.inputs[rel];
    if (!was) return { fresh: false, reason: `${rel} is new` };
    let st;
    try {
      st = statSync(join(root, rel));
    } catch {
      return { fresh: false, reason: `${rel} is gone` };
    }
    if (st.size !== was[0]) return { fresh: false, reason: `${rel} changed` };
    if (st.mtimeMs !== was[1] && hashFile(join(root, rel)) !== was[2])
      return { fresh: false, reason: `${rel} changed` };
  }
  return { fresh: true };
}
