// The layer rules of .dependency-cruiser.cjs hold on src/, and they bite: a fixture tree with one
// forbidden import of each kind fails with the rule's name.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CRUISE = join(ROOT, 'node_modules/.bin/depcruise');
const run = promisify(execFile);

async function cruise(cwd: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(
      CRUISE,
      ['src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'],
      { cwd },
    );
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

describe('architecture rules (dependency-cruiser)', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'arch-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const file = (path: string, text: string) => {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  };

  it('passes on src/', async () => {
    const { code, out } = await cruise(ROOT);
    expect(out).toContain('no dependency violations');
    expect(code).toBe(0);
  }, 60_000);

  it('fails on forbidden imports and cycles, naming each rule', async () => {
    writeFileSync(
      join(fixture, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true },
        include: ['src'],
      }),
    );
    file('src/assistant/turn.ts', 'export interface AskResult { answer: string }\n');
    file('src/bots/slack/format.ts', 'export const escapeMrkdwn = (s: string) => s;\n');
    file(
      'src/bots/telegram/format.ts',
      "import { escapeMrkdwn } from '../slack/format.js';\nexport const html = escapeMrkdwn;\n",
    );
    file(
      'src/store/answer-repo.ts',
      "import type { AskResult } from '../assistant/turn.js';\nexport type Stored = AskResult;\n",
    );
    file(
      'src/tools/legal/ticket.ts',
      "import { escapeMrkdwn } from '../../bots/slack/format.js';\nexport const x = escapeMrkdwn('a');\n",
    );
    file('src/tools/routes/a.ts', "import { b } from './b.js';\nexport const a = () => b;\n");
    file('src/tools/routes/b.ts', "import { a } from './a.js';\nexport const b = () => a;\n");
    file('src/domain/lang.ts', "import { x } from '../tools/legal/ticket.js';\nexport const lang = x;\n");
    const { code, out } = await cruise(fixture);
    expect(code).not.toBe(0);
    for (const rule of [
      'store-knows-nothing-above',
      'services-know-no-turn-or-channel',
      'no-cycles',
      'channels-are-separate',
      'shared-is-a-leaf',
    ])
      expect(out).toContain(rule);
  }, 60_000);
});
