// The compiled build never runs stale. A small project in a temporary directory gets the real
// bin/advisor.js, scripts/build.mjs and scripts/dist-state.mjs: after a build the bin runs dist/;
// after an edit (or a new file) it runs the sources through tsx until the next build; a file that
// was only touched, not changed, keeps the build; files that are not TypeScript are copied.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/knowledge-fixture.js';

const ROOT = join(import.meta.dirname, '..');

describe('the compiled build', () => {
  let project: { path: string; remove: () => void };
  const file = (rel: string) => join(project.path, rel);
  const run = () => execFileSync(process.execPath, [file('bin/advisor.js')], { encoding: 'utf8' });
  const build = (...args: string[]) =>
    execFileSync(process.execPath, [file('scripts/build.mjs'), ...args], { encoding: 'utf8' });
  const version = (v: string) => writeFileSync(file('src/lib/version.ts'), `export const version: string = '${v}';\n`);

  beforeAll(() => {
    project = tempDir('build');
    for (const f of ['bin/advisor.js', 'scripts/build.mjs', 'scripts/dist-state.mjs', 'tsconfig.json'])
      cpSync(join(ROOT, f), file(f));
    writeFileSync(file('package.json'), '{ "type": "module" }\n');
    symlinkSync(join(ROOT, 'node_modules'), file('node_modules'));
    mkdirSync(file('src/lib'), { recursive: true });
    mkdirSync(file('src/store'), { recursive: true });
    // Says which tree it runs from and which version of a module it imported.
    writeFileSync(
      file('src/cli.ts'),
      [
        "import { version } from './lib/version.js';",
        'export async function runCli(): Promise<number> {',
        "  process.stdout.write(`${import.meta.url.includes('/dist/') ? 'dist' : 'src'} ${version}`);",
        '  return 0;',
        '}',
      ].join('\n'),
    );
    version('v1');
    writeFileSync(file('src/store/worker.mjs'), 'export {};\n');
  });
  afterAll(() => project.remove());

  it('runs the sources until there is a build, then the build', () => {
    expect(run()).toBe('src v1');
    build();
    expect(existsSync(file('dist/store/worker.mjs'))).toBe(true);
    expect(run()).toBe('dist v1');
  });

  it('keeps the build when a file is touched but not changed', () => {
    const later = new Date(Date.now() + 5000);
    utimesSync(file('src/lib/version.ts'), later, later);
    expect(run()).toBe('dist v1');
    expect(build('--if-stale')).toBe('');
  });

  it('runs the edited sources, not the stale build, until it is built again', () => {
    version('v2');
    expect(run()).toBe('src v2');
    expect(build('--if-stale')).toMatch(/src\/lib\/version.ts changed; compiled 3 files/);
    expect(run()).toBe('dist v2');
  });

  it('treats a new file as a change, migrations and assets included', () => {
    writeFileSync(file('src/store/007_new.sql'), 'SELECT 1;\n');
    expect(run()).toBe('src v2');
    build('--if-stale');
    expect(existsSync(file('dist/store/007_new.sql'))).toBe(true);
    expect(run()).toBe('dist v2');
  });
});
