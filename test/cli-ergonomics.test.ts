// What a person at a terminal sees from the real `advisor` process: a mistake costs one line and a
// hint (never the whole usage), the nearest known command, option or place is suggested, an exact
// company name goes straight to its report, and every word is in the user's language with the
// right plural forms. Exit codes: 0 done, 1 nothing found, 2 usage.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { runAdvisor } from './support/run-cli.js';
import { t } from '../src/i18n/messages.js';

const RU = { LANG: 'ru_RU.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };

/** A date `years` years and `days` days before today, as the sample CSV writes it. */
function yearsAgo(years: number, days = 20): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

describe('advisor at the terminal', () => {
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };
  let env: Record<string, string>;

  beforeAll(async () => {
    knowledge = await makeKnowledgeDir({ binaries: false });
    data = tempDir('cli-ergo');
    // Registration dates relative to today, so the ages are 1, 3 and 5 years whenever this runs.
    const csv = join(data.path, 'companies.csv');
    writeFileSync(
      csv,
      [
        'id,name_en,name_ru,name_zh,country,registration_type,registration_id,status,registered_on,rating,rating_scale,data_as_of,sample',
        `T-1,Steppe Grain LLP,ТОО «Степь Грейн»,草原粮食有限责任公司,KZ,BIN,100000000001,ACTIVE,${yearsAgo(1)},,,2026-10-31,true`,
        `T-2,Steppe Grain Logistics LLP,ТОО «Степь Грейн Логистикс»,草原粮食物流有限责任公司,KZ,BIN,100000000002,INACTIVE,${yearsAgo(3)},,,2026-10-31,true`,
        `T-3,Steppe Grain Trading LLP,ТОО «Степь Грейн Трейдинг»,草原粮食贸易有限责任公司,KZ,BIN,100000000003,ACTIVE,${yearsAgo(5)},,,2026-10-31,true`,
      ].join('\n'),
    );
    env = { KNOWLEDGE_DIR: knowledge.path, DATA_DIR: data.path, CREDIT_SAMPLE_FILE: csv };
  });
  afterAll(() => {
    knowledge.remove();
    data.remove();
  });

  it('answers a mistyped command with one line, the nearest command and a hint, in the user’s language', async () => {
    const en = await runAdvisor(['serach', 'EAC'], env);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe('advisor: unknown command "serach"; did you mean "search"?\nSee: advisor --help\n');
    const ru = await runAdvisor(['tikets'], { ...env, ...RU });
    expect(ru.stderr).toBe('advisor: нет такой команды «tikets»; может быть, «tickets»?\nПодробнее: advisor --help\n');
    const zh = await runAdvisor(['rout'], { ...env, ...ZH });
    expect(zh.stderr).toBe('advisor: 没有“rout”这个命令；您是不是想输入“route”？\n详见：advisor --help\n');
  });

  it('names the nearest option of the command and points to that command’s help', async () => {
    const r = await runAdvisor(['search', 'EAC', '--jsn'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'advisor: unknown option --jsn for search; did you mean "--json"?\nSee: advisor search --help\n',
    );
    const missing = await runAdvisor(['search', 'EAC', '--k'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('advisor: --k needs a value, e.g. --k 5\nSee: advisor search --help\n');
    const bad = await runAdvisor(['search', 'EAC', '--k', '500'], { ...env, ...RU });
    expect(bad.stderr.split('\n')).toEqual([
      'advisor: --k: нужно целое число от 1 до 100',
      'Подробнее: advisor search --help',
      '',
    ]);
  });

  it('prints the help of one command: its synopsis and options, not the list of commands', async () => {
    const r = await runAdvisor(['route', '--help'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: advisor route --from <place> --to <place>/);
    // The two places may also be given without the options, and the help says so.
    expect(r.stdout).toContain('Usage: advisor route <from> <to>');
    expect(r.stdout).toContain('--cargo C');
    expect(r.stdout).not.toContain('tickets');
    const zh = await runAdvisor(['help', 'ask'], ZH);
    expect(zh.stdout).toMatch(/^用法：advisor ask "<question>"/);
    expect(zh.stdout).toContain('用这种语言回答');
  });

  it('suggests the nearest known places in the script the place was typed in, and exits 1', async () => {
    const ru = await runAdvisor(['route', '--from', 'Ташкнт', '--to', 'Циндао'], env);
    expect(ru.code).toBe(1);
    expect(ru.stdout).toBe('Не знаю такого пункта: Ташкнт\nВозможно, вы имели в виду: Ташкент?\n');
    const en = await runAdvisor(['route', '--from', 'Qingdoa', '--to', 'Almaty'], env);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('Did you mean: Qingdao (Jiaozhou, SCODA)?');
    const json = await runAdvisor(['route', '--from', 'Алмата', '--to', 'Qingdao', '--json'], env);
    expect(JSON.parse(json.stdout)).toEqual({ error: 'unknown-place', place: 'Алмата', suggestions: ['Алматы'] });
  });

  it('counts days, years, files and documents with the plural forms of the language', async () => {
    const route = await runAdvisor(['route', '--from', 'Циндао', '--to', 'Алматы'], env);
    expect(route.code).toBe(0);
    // Never "1 дней" or "8–12 дня": the word agrees with the last number.
    const counts = [...route.stdout.matchAll(/(\d+)(?:–(\d+))? (день|дня|дней) ·/g)];
    expect(counts.length).toBeGreaterThan(0);
    const form = (n: number) =>
      n % 10 === 1 && n % 100 !== 11
        ? 'день'
        : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)
          ? 'дня'
          : 'дней';
    for (const m of counts) expect(m[3]).toBe(form(Number(m[2] ?? m[1])));

    const lint = await runAdvisor(['lint', join(knowledge.path, 'logistics')], { ...env, ...RU });
    expect(lint.stdout.trim().split('\n').pop()).toMatch(/^2 документа, \d+ замечани(е|я|й)$/);
    const ingest = await runAdvisor(['ingest'], { ...env, ...RU });
    expect(ingest.stdout).toMatch(/^Проиндексировано: 6 файлов, модель local-hashing-v1\/256; добавлено 6/);
    expect(ingest.stderr).toContain('[1/6] добавлен ');
  });

  it('goes straight to the report of an exactly named company in any script, ages and statuses in words', async () => {
    const ru = await runAdvisor(['credit', 'ТОО «Степь Грейн»'], env);
    expect(ru.code).toBe(0);
    expect(ru.stdout).toMatch(/^Проверка контрагента: Steppe Grain LLP \(KZ\)\nВозраст: 1 год\n/);
    expect(ru.stdout).toContain('Статус: действующая');
    expect(ru.stdout).not.toContain('Выберите');
    // The others with a similar name, numbered as --pick knows them.
    expect(ru.stdout).toContain('Похожие названия:');
    expect(ru.stdout).toMatch(/\n[23]\. Steppe Grain Logistics LLP \(KZ\)/);
    expect(ru.stdout).toContain('--pick <N>');

    const zh = await runAdvisor(['credit', '草原粮食物流有限责任公司'], env);
    expect(zh.stdout).toMatch(/^客户资信查询: Steppe Grain Logistics LLP \(KZ\)\n成立年限: 3 年\n/);
    expect(zh.stdout).toContain('状态: 非存续');
    const tradingNo = /\n(\d)\. Steppe Grain Trading LLP/.exec(zh.stdout)![1]!;

    // The number shown under the report picks that company.
    const picked = await runAdvisor(['credit', '草原粮食物流有限责任公司', '--pick', tradingNo, '--lang', 'ru'], env);
    expect(picked.stdout).toMatch(/^Проверка контрагента: Steppe Grain Trading LLP \(KZ\)\nВозраст: 5 лет\n/);

    // A name that is no company's exactly still asks which one.
    const several = await runAdvisor(['credit', 'Steppe Grain L'], env);
    expect(several.stdout).toMatch(/^Several companies match\. Choose one:/);
  });

  it('exits 1 when nothing is found and says so in the question’s language', async () => {
    const r = await runAdvisor(['search', 'погода в Париже'], env);
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe('ничего не найдено');
  });

  it('says which sources it searched when no company is found, and asks for the country only when not given', async () => {
    const kz = await runAdvisor(['credit', 'ТОО Астана Логистик', '--country', 'KZ'], env);
    expect(kz.code).toBe(1);
    expect(kz.stdout).toMatch(
      /^Ни один из подключённых источников \(реестр зоны \(образцы данных\)\) не знает такой компании\./,
    );
    expect(kz.stdout).not.toContain('укажите страну');
    const bare = await runAdvisor(['credit', 'Nonexistent Widgets LLP'], env);
    expect(bare.stdout).toContain('give the country');
  });

  it('says no source could be reached, not that none knows the company, when every source is down', async () => {
    // Port 9 (discard) on localhost: nothing listens, the connection is refused at once.
    const down = { ...env, CREDIT_PROVIDERS: 'http', CREDIT_HTTP_URL: 'http://127.0.0.1:9', CREDIT_TIMEOUT_MS: '2000' };
    const r = await runAdvisor(['ask', 'проверь ТОО Астана Логистик, Казахстан'], down);
    expect(r.stdout).toContain('Сейчас не удалось получить данные ни от одного источника');
    expect(r.stdout).not.toContain('не знает такой компании');
  });

  it('tells a CLI user who asks for a lawyer where a ticket is opened, instead of asking "Передать?"', async () => {
    const r = await runAdvisor(['ask', 'нужен юрист по спору с покупателем из Казахстана'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('/lawyer');
    expect(r.stdout).not.toContain('Передать?');
  });

  it('refuses a message of full-width punctuation in Chinese, the keyboard it was typed on', async () => {
    const r = await runAdvisor(['ask', '？？'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(t('zh', 'noWords'));
  });

  it('exits 0 when `ask` is answered by the route planner, which cites no document', async () => {
    const r = await runAdvisor(['ask', 'Поезд из Циндао до Москвы сколько дней идет?'], env);
    expect(r.stdout).toMatch(/^Циндао → Москва:/);
    expect(r.code).toBe(0);
  });
});
