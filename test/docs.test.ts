// Docs that say what is true: the README's command table lists what `advisor --help` lists, the
// README and .env.example promise nothing "arriving later", every markdown link stays inside the
// repository, and only src/config.ts reads the environment.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdvisor } from './support/run-cli.js';

const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(ext) && !f.includes('node_modules'))
    .map((f) => join(dir, f));
}

describe('docs', () => {
  it('lists in the README the same commands as `advisor --help`', async () => {
    const help = await runAdvisor(['--help'], {});
    expect(help.code).toBe(0);
    const fromHelp = new Set([...help.stdout.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!));
    const section = read('README.md').split('## The `advisor` command')[1]!.split('\n## ')[0]!;
    const fromReadme = new Set([...section.matchAll(/^\| `([a-z][a-z-]*)\b/gm)].map((m) => m[1]!));
    expect(fromHelp.size).toBeGreaterThan(8);
    expect([...fromReadme].sort()).toEqual([...fromHelp].sort());
  }, 60_000);

  it('names no issues and no features "arriving later" in the README or .env.example', () => {
    for (const file of ['README.md', '.env.example']) {
      const text = read(file);
      expect(text, file).not.toMatch(
        /issue\s*#?\d|issues? #|open issues|later issue|arrive[sd]? (through|later)|not connected until/i,
      );
    }
  });

  it('keeps every markdown link inside the repository', () => {
    const docs = ['README.md', ...filesUnder('docs', '.md'), ...filesUnder('evals', '.md')];
    for (const file of docs) {
      for (const m of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        const resolved = relative(ROOT, join(ROOT, file, '..', target.split('#')[0]!));
        expect(resolved.startsWith('..'), `${file} → ${target}`).toBe(false);
      }
    }
  });

  it('reads process.env only in src/config.ts', () => {
    const offenders = filesUnder('src', '.ts').filter(
      (f) => f !== join('src', 'config.ts') && !f.endsWith('.test.ts') && /process\.env\b/.test(read(f)),
    );
    expect(offenders).toEqual([]);
  });
});
