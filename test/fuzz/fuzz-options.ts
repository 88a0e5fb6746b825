// Run counts and seeds for the property-based fuzz suite. `npm test` runs each property a bounded
// number of times; `npm run test:fuzz` sets FUZZ_SCALE=20. Every property prints and logs its seed
// (evals/reports/fuzz-seeds.log); FUZZ_SEED=<seed> FUZZ_PATH=<path> replays a failure exactly.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';

const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? '1') || 1);

/**
 * A per-call time bound that catches hangs and blow-ups (runaway regexes, quadratic loops), never
 * speed: the nominal figure times 10, because a shared two-core machine under load ran a 30 ms parse
 * in 670 ms. Speed is measured in `npm run bench:*`, not here.
 */
export const hangBound = (ms: number) => ms * 10;

/** A test's time limit grows with its run count. */
export const fuzzTimeout = (ms: number) => ms * SCALE;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const PATH = process.env.FUZZ_PATH;
const LOG_DIR = join(import.meta.dirname, '../../evals/reports');

export function fuzzOptions<T>(name: string, runs: number): fc.Parameters<T> {
  const seed = SEED ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const numRuns = runs * SCALE;
  // The replay names this test exactly (vitest's -t takes a pattern: the title is escaped).
  const { currentTestName, testPath } = expect.getState();
  const title = (currentTestName ?? name)
    .split(' > ')
    .at(-1)!
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const file = testPath ? relative(process.cwd(), testPath) : 'test/fuzz';
  const line = `fuzz ${name}: seed ${seed}, ${numRuns} runs (replay: FUZZ_SEED=${seed} [FUZZ_PATH=…] npx vitest run ${file} -t '${title}')`;
  console.log(line);
  mkdirSync(LOG_DIR, { recursive: true });
  appendFileSync(join(LOG_DIR, 'fuzz-seeds.log'), `${new Date().toISOString()} ${line}\n`);
  return { seed, numRuns, ...(PATH ? { path: PATH } : {}) };
}

/** Milliseconds one call took; properties assert a bound on it (a hang or a blow-up is a failure). */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** Text as people and attackers type it: any unicode, control characters, long runs, scripts mixed. */
export const anyText = (maxLength = 300): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.stringMatching(/^[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]{0,40}$/),
    fc.constantFrom(
      '',
      ' ',
      '\n',
      '\u0000',
      '🙂'.repeat(50),
      'Циндао',
      '青岛',
      '--',
      '-h',
      '%s%n',
      '${x}',
      '__proto__',
    ),
  );
