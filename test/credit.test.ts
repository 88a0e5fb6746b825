// Credit checks against local servers speaking GLEIF's JSON:API, an OpenSanctions /match response
// and our OpenAPI contract; the sample provider; and the assistant's tool call.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Assistant } from '../src/assistant/assistant.js';
import { ToolRegistry } from '../src/assistant/tools.js';
import { OpenAiChat } from '../src/llm/openai-chat.js';
import { createLogger } from '../src/observability/logger.js';
import type { Db } from '../src/store/db.js';
import { openDb } from '../src/store/open-db.js';
import { CreditService } from '../src/tools/credit/credit-service.js';
import { creditTool } from '../src/tools/credit/credit-tool.js';
import { nameKey, nameSimilarity } from '../src/tools/credit/normalize-name.js';
import { GleifProvider } from '../src/tools/credit/providers/gleif-provider.js';
import { HttpCreditProvider } from '../src/tools/credit/providers/http-provider.js';
import { LocalCreditProvider, seedLocalCompanies } from '../src/tools/credit/providers/local-provider.js';
import { OpenSanctionsScreen } from '../src/tools/credit/providers/sanctions-screen.js';
import { renderReport } from '../src/tools/credit/render-report.js';
import { startHarness } from './support/assistant-harness.js';
import { startFakeCreditSources, type FakeCreditSources } from './support/fake-credit-sources.js';
import { startFakeOpenAi } from './support/fake-openai.js';

describe('credit checks', () => {
  let db: Db;
  let src: FakeCreditSources;
  let credit: CreditService;
  const make = (timeoutMs = 2000) =>
    new CreditService({
      db,
      timeoutMs,
      cacheTtlHours: 24,
      providers: [new HttpCreditProvider({ baseUrl: src.creditUrl }), new GleifProvider(src.gleifUrl)],
      sanctions: new OpenSanctionsScreen({ baseUrl: src.sanctionsUrl }),
    });

  beforeAll(async () => {
    db = await openDb({ databaseUrl: undefined, dataDir: undefined });
    src = await startFakeCreditSources();
  });
  afterAll(async () => {
    await src?.close();
    await db?.close();
  });
  beforeEach(async () => {
    await db.query('DELETE FROM credit_cache');
    src.delays.credit = src.delays.gleif = src.delays.sanctions = 0;
    src.ignoreCountry = false;
    credit = make();
  });

  it('merges an exact match from the credit service and GLEIF with screening, each item with source and date', async () => {
    const found = await credit.search('Almaty Example Trade', 'KZ', 'test:u1');
    expect(found.candidates).toHaveLength(1);
    const r = (await credit.report(found.lookupId, 0))!;
    expect(r.reports.map((x) => x.provider)).toEqual(['http', 'gleif']);
    expect(r.reports[0]).toMatchObject({
      source: 'Zone credit service (信用上合)',
      asOf: '2026-10-31',
      rating: { value: 'B+', asOf: '2026-10-31' },
    });
    expect(r.reports[1]).toMatchObject({
      source: expect.stringContaining('GLEIF'),
      asOf: '2026-09-30',
      registrationIds: expect.arrayContaining([{ type: 'LEI', value: 'LEI18034002123400' }]),
    });
    expect(r.reports[1]!.rating).toBeUndefined();
    expect(r.sanctions).toMatchObject({ matches: [] });
    expect(r.signals).toEqual([]);
    expect(r.ageYears).toBe(8);
    const text = renderReport(r, 'en');
    expect(text).toContain('No sanctions list match');
    expect(text).toContain("Data provider's rating: B+ (A (best) to D (worst); data as of 2026-10-31)");
  });

  it('flags a company registered in another country than the one asked, in every language', async () => {
    src.ignoreCountry = true;
    const found = await credit.search('Almaty Example Trade', 'UZ', 'test:u1');
    expect(found.candidates.map((c) => [c.name, c.country])).toEqual([['Almaty Example Trade LLP', 'KZ']]);
    const r = (await credit.report(found.lookupId, 0))!;
    // Each provider that reports the company says where it is registered: one signal per source.
    expect(r.signals).toEqual([
      { kind: 'country-mismatch', detail: 'KZ ≠ UZ', source: 'Zone credit service (信用上合)' },
      { kind: 'country-mismatch', detail: 'KZ ≠ UZ', source: 'GLEIF (Global Legal Entity Identifier Foundation)' },
    ]);
    expect(renderReport(r, 'en')).toContain(
      'Risk signals: country differs from the one given (KZ ≠ UZ; Zone credit service (信用上合))',
    );
    expect(renderReport(r, 'ru')).toContain('страна не совпадает с указанной (KZ ≠ UZ;');
    expect(renderReport(r, 'zh')).toContain('国家与所填不符 (KZ ≠ UZ;');
    // Asked for no country, or for the right one: nothing to flag.
    for (const country of [undefined, 'KZ']) {
      const again = await credit.search('Almaty Example Trade', country, 'test:u1');
      expect((await credit.report(again.lookupId, 0))!.signals, String(country)).toEqual([]);
    }
  });

  it('offers a choice when several companies match', async () => {
    const found = await credit.search('Almaty Example', 'KZ', 'test:u1');
    expect(found.candidates.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Almaty Example Trade LLP', 'Almaty Example Logistics LLP']),
    );
    expect(found.candidates).toHaveLength(2);
    const second = (await credit.report(found.lookupId, 1))!;
    expect(second.chosen.name).toBe(found.candidates[1]!.name);
  });

  it('says so when nothing matches, without inventing anything', async () => {
    const found = await credit.search('Nonexistent Widgets', 'KZ', 'test:u1');
    expect(found).toMatchObject({ candidates: [], missing: [] });
  });

  it('reports which part is missing when a provider times out', async () => {
    src.delays.gleif = 1500;
    credit = make(500);
    const found = await credit.search('Almaty Example Trade', 'KZ', 'test:u1');
    expect(found.missing).toEqual([{ provider: 'gleif', reason: 'GLEIF did not answer in time', kind: 'timeout' }]);
    const r = (await credit.report(found.lookupId, 0))!;
    expect(r.reports.map((x) => x.provider)).toEqual(['http']);
    expect(renderReport(r, 'ru')).toContain('Не ответили: gleif (GLEIF did not answer in time)');
  });

  it('shows a sanctions hit first, with inactive status and recent registration as signals', async () => {
    const found = await credit.search('Steppe Sanctioned Metals', 'KZ', 'test:u1');
    const r = (await credit.report(found.lookupId, 0))!;
    expect(r.signals.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['sanctions-match', 'inactive-status', 'recent-registration']),
    );
    const lines = renderReport(r, 'ru').split('\n');
    expect(lines[2]).toMatch(/^⚠️ Совпадение в санкционных списках/);
    expect(lines[3]).toContain('Steppe Sanctioned Metals — score 0.93; us_ofac_sdn');
    // The status line among the first ones is in the reader's language, not the register's code.
    // The fake register sends INACTIVE.
    expect(lines.find((l) => l.startsWith('Статус: '))).toBe('Статус: недействующая');
    expect(renderReport(r, 'zh').split('\n')).toContain('状态: 非存续');
  });

  it('answers a repeated lookup from the cache without any HTTP call', async () => {
    const first = await credit.search('Almaty Example Trade', 'KZ', 'test:u1');
    await credit.report(first.lookupId, 0);
    const before = src.requests.length;
    const again = await credit.search('Almaty Example Trade', 'KZ', 'test:u2');
    const r = await credit.report(again.lookupId, 0);
    expect(r!.reports).toHaveLength(2);
    expect(src.requests.length).toBe(before);
    const audit = await db.query<{ asked_by: string }>(
      "SELECT asked_by FROM credit_lookups WHERE query = 'Almaty Example Trade' ORDER BY id",
    );
    expect(audit.rows.map((x) => x.asked_by).slice(-2)).toEqual(['test:u1', 'test:u2']);
  });

  it('matches names across scripts in the sample provider, every row labelled as sample', async () => {
    await seedLocalCompanies(db, 'knowledge/credit/sample-companies.csv');
    const local = new CreditService({
      db,
      providers: [new LocalCreditProvider(db)],
      timeoutMs: 1000,
      cacheTtlHours: 1,
    });
    for (const q of ['Сэмпл Ташкент Агро', 'Sample Tashkent Agro LLC', '样本塔什干农业']) {
      const found = await local.search(q, undefined, 'test:u1');
      expect(found.candidates[0]?.id, q).toBe('S-UZ-001');
    }
    const found = await local.search('Сэмпл Ташкент Агро', 'UZ', 'test:u1');
    const r = (await local.report(found.lookupId, 0))!;
    expect(r.reports[0]).toMatchObject({ sample: true, source: 'Sample data (demo, not a real company)' });
    expect(renderReport(r, 'zh')).toContain('样本数据（演示，非真实公司）');
    expect(nameKey('ТОО «Алматы Трейд»')).toBe('almaty treyd');
    expect(nameSimilarity('ТОО «Алматы Трейд»', 'Almaty Trade LLP')).toBeGreaterThanOrEqual(0.55); // the local provider's threshold
  });

  it('reads quoted CSV fields that hold commas (a real company name often does)', async () => {
    expect(await seedLocalCompanies(db, 'knowledge/credit/sample-companies.csv')).toBe(7);
    const row = await db.query<{ name_en: string; name_ru: string; country: string }>(
      "SELECT name_en, name_ru, country FROM credit_companies WHERE id = 'S-CN-002'",
    );
    expect(row.rows[0]).toEqual({
      name_en: 'Sample Jiaozhou Import, Export and Packaging Co., Ltd',
      name_ru: 'ООО «Сэмпл Цзяочжоу Импорт, Экспорт»',
      country: 'CN',
    });
    const local = new CreditService({
      db,
      providers: [new LocalCreditProvider(db)],
      timeoutMs: 1000,
      cacheTtlHours: 1,
    });
    const found = await local.search('Sample Jiaozhou Import, Export and Packaging', 'CN', 'test:u1');
    expect(found.candidates[0]?.id).toBe('S-CN-002');
  });
});

describe('credit in the assistant', () => {
  it('turns a Russian question about a company into one tool call and an answer citing provider and date', async () => {
    const src = await startFakeCreditSources();
    const h = await startHarness();
    const llm = await startFakeOpenAi((body) => {
      if (body.response_format) return { content: '{"standalone": "-"}' };
      const tool = body.messages.find((m) => m.role === 'tool');
      if (!tool)
        return {
          toolCalls: [{ name: 'credit_lookup', arguments: { company: 'Алматы Экзампл Трейд', country: 'KZ' } }],
        };
      // A model reporting what the tool said, with its source and date.
      const out = JSON.parse(tool.content!);
      const s = out.sources[0];
      return { content: `По данным источника «${s.source}» на ${s.asOf}: компания действует, рейтинг поставщика B+.` };
    });
    try {
      const credit = new CreditService({
        db: h.db,
        timeoutMs: 2000,
        cacheTtlHours: 1,
        providers: [new HttpCreditProvider({ baseUrl: src.creditUrl })],
      });
      const a = new Assistant({
        kb: h.kb,
        llm: new OpenAiChat({ baseUrl: llm.url, model: 'm', timeoutMs: 5000, maxRetries: 0 }),
        tools: new ToolRegistry().register(creditTool(credit)),
        conversations: h.conversations,
        limits: { maxQuestionChars: 4000 },
        log: createLogger('silent'),
      });
      const res = await a.ask({
        text: 'Можно ли доверять покупателю ТОО Алматы Экзампл Трейд из Казахстана?',
        channel: 'cli',
      });
      if (!res.ok) throw new Error(res.message);
      expect(res.result.toolCalls).toHaveLength(1);
      expect(res.result.toolCalls[0]).toMatchObject({ name: 'credit_lookup', output: { found: 1 } });
      expect(res.result.answer).toContain('Zone credit service (信用上合)');
      expect(res.result.answer).toContain('2026-10-31');
    } finally {
      await llm.close();
      await src.close();
      await h.close();
    }
  });
});
