// Reports of evaluation suites and benchmarks: evals/reports/<name>-<time>.md and .json (ignored by
// git), each naming the commit and the Node version it ran on.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** Writes both files; returns their path without the extension. */
export function writeReport(name: string, data: Record<string, unknown>, markdown: string[]): string {
  mkdirSync('evals/reports', { recursive: true });
  const ranAt = new Date().toISOString();
  const base = join('evals/reports', `${name}-${ranAt.replace(/[:.]/g, '-')}`);
  const meta = { suite: name, commit: commit(), ranAt, node: process.version };
  writeFileSync(`${base}.json`, JSON.stringify({ ...meta, ...data }, null, 2));
  writeFileSync(
    `${base}.md`,
    [`# ${name} — ${ranAt} (commit ${meta.commit}, node ${meta.node})`, '', ...markdown, ''].join('\n'),
  );
  return base;
}
