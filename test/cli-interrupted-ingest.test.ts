// The first `advisor ask` on a fresh machine indexes knowledge/ before it answers. Stopped there with
// Ctrl-C, it used to leave a few dozen documents, and every later answer came from those alone, with
// nothing said ("no document on children's goods" while knowledge/ has one). The next command
// finishes the indexing first, saying so, through the real executable.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/knowledge-fixture.js';
import { BIN, runAdvisor } from './support/run-cli.js';

const KNOWLEDGE = join(import.meta.dirname, '..', 'knowledge');

/** Starts `advisor ask` and sends Ctrl-C (SIGINT) once it has reported `lines` ingested files. */
function interruptFirstIngest(env: Record<string, string>, lines: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ask', 'test'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      if ((stderr.match(/^\[\d+\/\d+\]/gm) ?? []).length >= lines) child.kill('SIGINT');
    });
    child.on('error', reject);
    child.on('close', () => resolve(stderr));
  });
}

describe('advisor after its first indexing was interrupted', () => {
  const data = tempDir('cli-interrupted');
  afterAll(() => data.remove());

  it('finishes the indexing before the next answer, and says so in the user’s language', async () => {
    const env = { KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: data.path };
    const first = await interruptFirstIngest(env, 15);
    const seen = Number(/\[(\d+)\/(\d+)\]/.exec(first)?.[2]);
    expect(seen).toBeGreaterThan(100);
    expect((first.match(/^\[\d+\/\d+\]/gm) ?? []).length).toBeLessThan(seen);

    const next = await runAdvisor(['ask', '--json', 'нужен ли сертификат на детскую обувь?'], env);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('Прошлая индексация knowledge/ была прервана; сначала завершаю её…');
    const answer = JSON.parse(next.stdout) as { lead?: { text: string }; answer: string };
    expect(answer.answer).not.toContain('В базе знаний нет документа');
    expect(answer.lead?.text).toContain('сертификат соответствия');

    // Finished once: the command after it answers without indexing again.
    const third = await runAdvisor(['ask', '--json', 'нужен ли сертификат на детскую обувь?'], env);
    expect(third.code).toBe(0);
    expect(third.stderr).not.toMatch(/индексац|индексирую/);
  }, 240_000);
});
