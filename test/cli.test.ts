// The `advisor` command end to end: ingest → search → ask, the benchmark runner and bad input.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { runAdvisor } from './support/run-cli.js';

describe('advisor CLI', () => {
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };
  let env: Record<string, string>;

  beforeAll(async () => {
    knowledge = await makeKnowledgeDir({ binaries: false });
    data = tempDir('cli-data');
    env = { KNOWLEDGE_DIR: knowledge.path, DATA_DIR: data.path };
  });
  afterAll(() => {
    knowledge.remove();
    data.remove();
  });

  it('ingests with plain progress lines off a terminal and a summary', async () => {
    const r = await runAdvisor(['ingest'], env);
    expect(r.stderr).toContain('[1/6] added logistics/gauge-change.ru.md');
    expect(r.stdout).toMatch(
      /Ingested 6 files with local-hashing-v1\/256: 6 added, 0 changed, 0 removed, 0 unchanged, 0 failed/,
    );
    expect(r.code).toBe(0);
    const again = await runAdvisor(['ingest', '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: [], unchanged: 6 });
  });

  it('searches with --k and --json', async () => {
    const r = await runAdvisor(['search', 'кто может быть заявителем', '--k', '2', '--json'], env);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(rows.length).toBeLessThanOrEqual(2);
    expect(rows[0]).toMatchObject({
      docId: 'eac-mark-ru',
      lang: 'ru',
      title: 'Знак EAC: когда он нужен',
      source: 'https://en.wikipedia.org/wiki/Eurasian_Conformity_mark',
    });
    expect(rows[0]!.id).toMatch(/^eac-mark-ru#\d+$/);
  });

  it('answers in the asker’s language with numbered citations and dates', async () => {
    const r = await runAdvisor(['ask', '换轨需要多长时间？', '--json'], env);
    expect(r.code).toBe(0);
    const ans = JSON.parse(r.stdout);
    expect(ans).toMatchObject({ lang: 'zh', mode: 'retrieval-only', toolCalls: [] });
    expect(ans.citations[0]).toMatchObject({ n: 1, docId: 'gauge-change-zh', asOf: '2024-12-31', stale: true });
    expect(ans.answer).toContain('[1]');
    const plain = await runAdvisor(['ask', '换轨需要多长时间？'], env);
    expect(plain.stdout).toContain('出处:\n[1] 边境换轨 — 需要多长时间 (截至 2024-12-31; 待复核');
    // The passages and the list of cited documents have a heading each, not the same one twice.
    expect(plain.stdout.match(/^(?:来源|知识库中最接近的内容):/gm)).toHaveLength(1);
  });

  it('uses the translation link when the best passage is in another language', async () => {
    const r = await runAdvisor(['ask', '换轨需要多长时间？', '--lang', 'ru', '--json'], env);
    const ans = JSON.parse(r.stdout);
    expect(ans.lang).toBe('ru');
    expect(ans.citations[0]).toMatchObject({ docId: 'gauge-change-ru', lang: 'ru', translatedFrom: 'gauge-change-zh' });
    expect(ans.citations[0].headingPath).toEqual(['Смена ширины колеи на границе', 'Сколько это занимает']);
  });

  it('holds an interactive chat with memory on stdin', async () => {
    const r = await runAdvisor(
      ['chat'],
      env,
      'Где меняют колею на границе с Казахстаном?\nа почему?\n/lang zh\n换轨需要多长时间？\n/exit\n',
    );
    expect(r.code).toBe(0);
    const answers = r.stdout.split('> ').filter((s) => s.includes('Ссылки:') || s.includes('出处:'));
    expect(answers).toHaveLength(3);
    expect(answers[1]).toContain('Смена ширины колеи на границе'); // the follow-up found the same document
    expect(r.stdout).toContain('回答语言：中文'); // `/lang zh` is confirmed in Chinese
    expect(answers[2]).toContain('边境换轨');
  });

  it('says so when nothing relevant is found instead of guessing', async () => {
    const r = await runAdvisor(['ask', 'Какая погода в Париже?', '--json'], env);
    const ans = JSON.parse(r.stdout);
    expect(ans.citations).toEqual([]);
    expect(ans.answer).toMatch(/ничего/);
  });

  it('refuses an empty and a 100 KB question with a clear message and no stack trace', async () => {
    const empty = await runAdvisor(['ask', '   '], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('The question is empty');
    const question = 'сертификат EAC? '.repeat(4000); // about 100 KB of UTF-8
    expect(Buffer.byteLength(question)).toBeGreaterThan(100_000);
    const huge = await runAdvisor(['ask', question], env);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/Вопрос слишком длинный \(\d+ символов, максимум 4000\)/);
    expect(huge.stderr + empty.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('stops on a wrong setting with a sentence naming the variable', async () => {
    const r = await runAdvisor(['search', 'EAC'], {
      ...env,
      PORT: 'eighty',
      DATABASE_URL: 'postgres://u:hunter2@127.0.0.1/x',
      HASH_EMBEDDINGS_DIMENSIONS: '-3',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT:');
    expect(r.stderr).toContain('HASH_EMBEDDINGS_DIMENSIONS:');
    expect(r.stderr).not.toContain('hunter2');
  });

  it('plans a route and writes the map', async () => {
    const png = join(data.path, 'route.png');
    const r = await runAdvisor(['route', '--from', '清岛', '--to', 'Алматы', '--lang', 'zh', '--png', png], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('运输线路: 青岛 → 阿拉木图');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    // Crossings and documents in the reader's language, not the network file's English.
    expect(r.stdout).toMatch(/口岸: .*(阿拉山口|霍尔果斯)/);
    expect(r.stdout).not.toMatch(/Alashankou|Khorgos|Dostyk|consignment note/);
    expect(r.stdout).toContain('单证: 国际货协运单（SMGS）');
    const ru = await runAdvisor(['route', 'Циндао', 'Алматы'], env);
    expect(ru.stdout).toMatch(/переходы: Алашанькоу–Достык/);
    expect(ru.stdout).toContain('нет данных о стоимости');
    expect(ru.stdout).not.toContain('стоимость нет данных');
    // No option has a cost: said once for all of them, without a list of every leg, and "none is named the
    // cheapest" is not said either.
    expect(ru.stdout.match(/Нет данных о стоимости/g)).toHaveLength(1);
    expect(ru.stdout).toContain('Нет данных о стоимости (40ft) ни для одного из этих маршрутов.');
    // Where one option has a cost and another not, the leg without it is named with its mode: "no cost for
    // Qingdao–Moscow" under the rail option's 5400 USD for Qingdao–Moscow read as a contradiction.
    const moscow = await runAdvisor(['route', 'Циндао', 'Москва'], env);
    expect(moscow.stdout).toMatch(/5400 USD/);
    expect(moscow.stdout).toContain(
      'Нет данных о стоимости (40ft) для участков: Циндао–Москва (авиа) — итоговой стоимости нет.',
    );
    // The air option shows its CO₂, so no line says the air leg has none.
    expect(moscow.stdout).toMatch(/авиа[^\n]*\n[^\n]*CO₂ \d/);
    expect(moscow.stdout).toMatch(
      /Нет расстояния или коэффициента выбросов для участков: Циндао–Владивосток \(море\) — итога CO₂ нет\./,
    );
    expect(ru.stdout).not.toContain('самый дешёвый не назван');
    const json = await runAdvisor(['route', '--from', 'Qingdao', '--to', 'Moscow', '--json'], env);
    const plan = JSON.parse(json.stdout);
    expect(plan.options.some((o: { picks: string[] }) => o.picks.includes('fastest'))).toBe(true);
    const unknown = await runAdvisor(['route', '--from', 'Atlantis', '--to', 'Moscow'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('I do not know the place: Atlantis');
  });

  it('lists open legal tickets', async () => {
    const r = await runAdvisor(['tickets'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('No open legal tickets.');
  });

  it('explains unknown commands and options', async () => {
    const r = await runAdvisor(['serach', 'x'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "serach"');
    const o = await runAdvisor(['search', 'x', '--bogus'], env);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/--bogus/);
  });

  it('runs a retrieval benchmark in the xquad format', async () => {
    const corpus = join(data.path, 'corpus.jsonl');
    const queries = join(data.path, 'queries.jsonl');
    writeFileSync(
      corpus,
      [
        { id: 'p1', lang: 'en', title: 'Gauge', text: 'Chinese railways use 1435 mm gauge; Kazakhstan uses 1520 mm.' },
        { id: 'p2', lang: 'en', title: 'EAC', text: 'The EAC mark shows conformity with union technical regulations.' },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n'),
    );
    writeFileSync(
      queries,
      [
        { id: 'q1', lang: 'en', text: 'what gauge does Kazakhstan use', relevant: ['p1'] },
        { id: 'q2', lang: 'en', text: 'what does the EAC mark show', relevant: ['p2'] },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n'),
    );
    const r = await runAdvisor(['eval', 'retrieval', '--corpus', corpus, '--queries', queries, '--json'], env);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep).toMatchObject({ queries: 2, recallAt1: 1, recallAt5: 1, mrrAt10: 1, ndcgAt10: 1 });
    expect(rep.latencyMs.p95).toBeGreaterThanOrEqual(0);
    writeFileSync(queries, '{"id": "q1", "text": ');
    const bad = await runAdvisor(['eval', 'retrieval', '--corpus', corpus, '--queries', queries], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('queries.jsonl:1: not valid JSON');
  });
});
