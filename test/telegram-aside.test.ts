// A question asked beside a trip or a company check, in one Telegram message (trial 12: "…。顺便问下你们信用上合
// 数据库覆盖多少国家？" got the check and nothing else): the tool answers the request, and the knowledge base's
// direct answer to the other question follows with its sources — as the fake Bot API records the replies.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { legalEscalationTool } from '../src/assistant/legal-escalation-tool.js';
import { ToolRegistry } from '../src/assistant/tools.js';
import { CreditService } from '../src/tools/credit/credit-service.js';
import { creditTool } from '../src/tools/credit/credit-tool.js';
import { LocalCreditProvider, seedLocalCompanies } from '../src/tools/credit/providers/local-provider.js';
import { placeRefs } from '../src/tools/routes/find-places.js';
import { RouteService } from '../src/tools/routes/route-service.js';
import { routesTool } from '../src/tools/routes/routes-tool.js';
import { startHarness, type Harness } from './support/assistant-harness.js';
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from './support/fake-telegram.js';
import { testBot } from './support/test-bot.js';
import { detailsData } from '../src/bots/telegram/telegram-route.js';

const VAT_DOC = `---
id: russia-import-vat-ru
lang: ru
title: "Ввозной НДС в России"
category: policy
countries: [RU]
sources: [https://example.org/vat]
as_of: 2026-01-31
review_by: 2026-07-31
volatility: rates
---
# Ввозной НДС в России

## Какой НДС платится при ввозе?

Ввозной НДС в России уплачивается на таможне по ставке 22% с 1 января 2026 года, для отдельных товаров — 10%.

<!-- sources: 1 -->
`;

describe('telegram: a question beside a tool request', () => {
  let h: Harness;
  let api: FakeTelegram;
  let routes: RouteService;
  let tools: ToolRegistry;

  beforeAll(async () => {
    h = await startHarness({ 'policy/russia-import-vat.ru.md': VAT_DOC });
    api = await startFakeTelegram();
    routes = new RouteService({ networkFile: 'knowledge/logistics/network.yaml' });
    await seedLocalCompanies(h.db, 'knowledge/credit/sample-companies.csv');
    const credit = new CreditService({
      db: h.db,
      providers: [new LocalCreditProvider(h.db)],
      timeoutMs: 1000,
      cacheTtlHours: 1,
    });
    tools = new ToolRegistry().register(legalEscalationTool).register(routesTool(routes)).register(creditTool(credit));
  });
  afterAll(async () => {
    await api?.close();
    await h?.close();
  });
  beforeEach(() => {
    api.calls.length = 0;
  });
  const bot = () =>
    testBot(h, api, {
      assistant: h.assistant({ tools, places: (text) => placeRefs(routes.network, text) }),
      routes,
    });
  const texts = () => api.calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.text as string);

  it('sends the route plan, then the answer to the question asked beside the trip, with its source', async () => {
    await bot().handleUpdate(
      textUpdate('сколько идёт контейнер из Циндао в Москву? и какой там НДС при ввозе?', { userId: 41 }) as never,
    );
    const replies = texts();
    const plan = replies.findIndex((t) => t.startsWith('Циндао → Москва'));
    const aside = replies.findIndex((t) => t.includes('22%'));
    expect(plan).toBeGreaterThanOrEqual(0);
    expect(aside).toBeGreaterThan(plan);
    expect(replies[aside]).toContain('Ввозной НДС в России');
  });

  it('sends the trip alone when the message asks nothing else', async () => {
    await bot().handleUpdate(textUpdate('сколько идёт контейнер из Циндао в Москву?', { userId: 42 }) as never);
    expect(texts().some((t) => t.includes('НДС'))).toBe(false);
  });

  it('sends a plan through each crossing the message weighs, the answer buttons under the last (trial 16 t16-20)', async () => {
    await bot().handleUpdate(
      textUpdate('Циндао — Минск по жд: через Маньчжурию или через Эрлянь, что быстрее?', { userId: 43 }) as never,
    );
    const sent = api.calls.filter((c) => c.method === 'sendMessage');
    const plans = sent.filter((c) => (c.payload.text as string).startsWith('Циндао → Минск'));
    expect(plans.map((c) => (c.payload.text as string).split('\n')[0])).toEqual([
      expect.stringContaining('Маньчжур'),
      expect.stringContaining('Эрлян'),
    ]);
    const buttons = (c: (typeof sent)[number]) =>
      JSON.stringify((c.payload.reply_markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard ?? []);
    // Each plan has its details button; only the last carries the answer's feedback buttons.
    expect(plans.map((c) => buttons(c).includes('callback_data'))).toEqual([true, true]);
    expect(buttons(plans[1]!).length).toBeGreaterThan(buttons(plans[0]!).length);
  });

  it('answers a change of mode as the tool planned it: the way asked, or a word that there is none and the others', async () => {
    const b = bot();
    await b.handleUpdate(textUpdate('сколько стоит контейнер Циндао – Москва?', { userId: 44 }) as never);
    api.calls.length = 0;
    await b.handleUpdate(textUpdate('а по морю?', { userId: 44 }) as never);
    const sea = texts()[0]!;
    // The sea route (to Vladivostok, then rail) alone, not every mode again, and not "no route".
    expect(sea.split('\n').filter((l) => /^(🚆|🚢|🚚|✈️)/u.test(l))).toEqual([expect.stringMatching(/^🚢/u)]);
    // Its Details button carries the mode: the details are of the sea route, not of every mode.
    const first = api.calls.find((c) => c.method === 'sendMessage')!;
    const details = JSON.stringify(first.payload.reply_markup).match(/"(rd:[^"]+)"/)![1]!;
    expect(details).toBe('rd:qingdao:moscow:40ft:s');
    api.calls.length = 0;
    await b.handleUpdate(callbackUpdate(details, { userId: 44 }) as never);
    const shown = texts().join('\n');
    expect(shown).toMatch(/Циндао —море→ Владивосток —ж\/д→ Москва/);
    expect(shown).not.toMatch(/Циндао —ж\/д→ Москва|—авиа→/);
    api.calls.length = 0;
    await b.handleUpdate(textUpdate('Циндао – Алматы по жд сколько дней?', { userId: 45 }) as never);
    api.calls.length = 0;
    await b.handleUpdate(textUpdate('а автотранспортом?', { userId: 45 }) as never);
    const road = texts()[0]!;
    expect(road.startsWith('Вариантов «авто» для этого направления в наших данных нет')).toBe(true);
    expect(road).toMatch(/^🚆/mu);
    expect(api.calls.filter((c) => c.method === 'sendPhoto')).toHaveLength(1);
  });
});

describe('the route details button', () => {
  it('carries the modes, the waypoint and the weight within 64 bytes, dropping from the end what does not fit', () => {
    const plan = { from: { id: 'qingdao' }, to: { id: 'st-petersburg' } } as never;
    expect(detailsData(plan, {})).toBe('rd:qingdao:st-petersburg:40ft');
    expect(detailsData(plan, { container: 'lcl', modes: ['air'], weightT: 0.2 })).toBe(
      'rd:qingdao:st-petersburg:lcl:a::200',
    );
    const far = { from: { id: 'lianyungang-port-east' }, to: { id: 'duisburg-logport-terminal' } } as never;
    const data = detailsData(far, { modes: ['rail', 'sea'], via: 'khorgos-altynkol-crossing', weightT: 18 });
    expect(data.length).toBeLessThanOrEqual(64);
    expect(data).toBe('rd:lianyungang-port-east:duisburg-logport-terminal:40ft:rs');
  });
});
