// `advisor changes` through the real executable: two ingests of a private copy of some of knowledge/,
// the second after a section of the Russian Честный ЗНАК document gained a date and a fee.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedChange } from '../src/domain/watch.js';
import { tempDir } from './support/knowledge-fixture.js';
import { runAdvisor } from './support/run-cli.js';
import { changeChestnyZnak, CHANGED_SECTION, copyKnowledge } from './support/watch-flow.js';

describe('advisor changes', () => {
  const knowledge = copyKnowledge();
  const data = tempDir('watch-changes');
  const env = { KNOWLEDGE_DIR: knowledge.path, DATA_DIR: data.path };
  afterAll(() => {
    knowledge.remove();
    data.remove();
  });

  beforeAll(async () => {
    expect((await runAdvisor(['ingest', '--json'], env)).code).toBe(0);
    changeChestnyZnak(knowledge.path);
    expect((await runAdvisor(['ingest', '--json'], env)).code).toBe(0);
  }, 120_000);

  it('logs the first ingest as added and the edit as a changed section with its new date and fee', async () => {
    const run = await runAdvisor(['changes', '--json'], env);
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout) as LoggedChange[];
    expect(log.filter((c) => c.action === 'added')).toHaveLength(12);
    const changed = log.filter((c) => c.action !== 'added');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      docId: 'country-russia-chestny-znak-ru',
      action: 'changed',
      asOf: '2026-12-01',
    });
    expect(changed[0]!.sections).toEqual([
      {
        heading: CHANGED_SECTION,
        kind: 'changed',
        dates: { added: ['1 марта 2027 г.'], removed: [] },
        figures: { added: ['0,60'], removed: [] },
        excerpt: 'С 1 марта 2027 г. плата за код вырастет до 0,60 руб. без НДС.',
      },
    ]);
    expect(changed[0]!.batch).not.toBe(log[0]!.batch);
  }, 60_000);

  it('prints it as text in the asked language and keeps --since to its day', async () => {
    const text = await runAdvisor(['changes', '--lang', 'ru'], env);
    expect(text.stdout).toContain('изменён');
    expect(text.stdout).toContain(`§ ${CHANGED_SECTION} [changed]: +1 марта 2027 г., +0,60`);
    const future = await runAdvisor(['changes', '--since', '2999-01-01', '--lang', 'en'], env);
    expect(future.stdout.trim()).toBe('No changes recorded.');
    const bad = await runAdvisor(['changes', '--since', 'yesterday', '--lang', 'en'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since must be a date YYYY-MM-DD');
  }, 60_000);
});
