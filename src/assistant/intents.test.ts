// Company names in Chinese messages, as a new user wrote them (trial of 2026-12-02): the asker's own
// company is not a counterparty, and a kind of company before a Latin name is not the name. Trips that only
// frame another question (trial 9) are not planned.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { companyIn } from './company-names.js';
import { detectIntent } from './detect-intent.js';
import { namelessCheck } from './credit-intent.js';
import { followsRuleQuestion } from './trip-follow-ups.js';
import { intentOf } from './intent-of.js';
import { planRetrieval } from './retrieval-plan.js';
import { namedSeaPassage } from '../domain/sea-passages.js';
import { placeRefs } from '../tools/routes/find-places.js';
import { RouteService } from '../tools/routes/route-service.js';

describe('company names in Chinese messages', () => {
  it('does not take the asker describing their own company for a company to check', () => {
    for (const q of [
      '我们是青岛的外贸公司（不是生产企业），出口退税怎么算？退税率是多少？',
      '我们是贸易公司，出口到哈萨克斯坦增值税多少？',
      '我司是一家物流公司，想问TIR',
    ]) {
      expect(companyIn(q), q).toBeUndefined();
      expect(detectIntent(q).kind, q).toBe('none');
    }
  });

  it('reads the name after a kind of company ("乌兹别克公司 Tashkent Agro"), with the country beside it', () => {
    expect(detectIntent('帮我查一下乌兹别克公司 Tashkent Agro 的信用')).toEqual({
      kind: 'credit',
      company: 'Tashkent Agro',
      country: 'UZ',
    });
    expect(companyIn('帮我查查哈萨克斯坦的公司 Astana Trade 靠谱吗')).toBe('Astana Trade');
  });

  it('keeps real Chinese names and finds none in "查一下这家公司"', () => {
    expect(companyIn('查一下青岛海天贸易有限公司')).toBe('青岛海天贸易有限公司');
    expect(companyIn('核实一下阿拉木图物流有限公司')).toBe('阿拉木图物流有限公司');
    expect(companyIn('查一下这家公司')).toBeUndefined();
    // What stands before 的 describes the company; its name follows.
    expect(companyIn('客户是塔什干的样本塔什干农业有限责任公司，要求我们给90天账期')).toBe(
      '样本塔什干农业有限责任公司',
    );
  });

  it("reads a request that opens with 我 as a request, and a name past the asker's own company", () => {
    expect(companyIn('我想查一下青岛海天贸易有限公司')).toBe('青岛海天贸易有限公司');
    expect(detectIntent('我想查一下青岛海天贸易有限公司的信用').kind).toBe('credit');
    expect(companyIn('我们是贸易公司，想查一下阿拉木图物流有限公司')).toBe('阿拉木图物流有限公司');
  });

  it('takes neither trade terms nor "哈萨克斯坦客户" for a company (trial 22)', () => {
    expect(companyIn('毛绒玩具发哈萨克斯坦，客户说做个EAC DoC 就行，便宜点，靠谱吗？？')).toBeUndefined();
    expect(detectIntent('毛绒玩具发哈萨克斯坦，客户说做个EAC DoC 就行，便宜点，靠谱吗？？').kind).not.toBe('credit');
    expect(companyIn('想查下哈萨克斯坦客户的资信')).not.toBe('哈萨克斯坦客户');
    // A name is still a name.
    expect(companyIn('帮我查查哈萨克斯坦的公司 Astana Trade 靠谱吗')).toBe('Astana Trade');
  });

  it('keeps names that merely end like a country or a kind ("泰克公司", "帝国贸易公司")', () => {
    expect(companyIn('查一下青岛泰克公司')).toBe('青岛泰克公司');
    expect(companyIn('帮我核实帝国贸易公司')).toBe('帝国贸易公司');
    // A country and a kind alone are still no name.
    expect(companyIn('查一下俄罗斯贸易公司')).toBeUndefined();
  });

  it('plans a trip that names a rule and asks which way is faster or cheaper', () => {
    const places = (text: string) =>
      [...text.matchAll(/Qingdao|Almaty/g)].map((m) => ({
        id: m[0].toLowerCase(),
        kind: 'city',
        text: m[0],
        at: m.index,
      }));
    const q = 'FCA Qingdao: is rail or road faster to Almaty?';
    expect(detectIntent(q, places(q)).kind).toBe('route');
    const rule = 'Is CIF ok for a rail container from Qingdao to Almaty?';
    expect(detectIntent(rule, places(rule)).kind).toBe('none');
  });

  it('reads a name without a legal form between the request and a credit word', () => {
    expect(companyIn('查一下 样本阿拉木图物流 信用怎么样')).toBe('样本阿拉木图物流');
    expect(detectIntent('查一下 样本阿拉木图物流 信用怎么样')).toMatchObject({
      kind: 'credit',
      company: '样本阿拉木图物流',
    });
    expect(companyIn('帮我查阿斯塔纳贸易靠不靠谱')).toBe('阿斯塔纳贸易');
    // Not a company: a rate or a kind of company before the credit word.
    expect(detectIntent('查一下俄罗斯进口增值税怎么样').kind).toBe('none');
    expect(companyIn('查一下这家公司的信用')).toBeUndefined();
  });
});

// A message read with the places of the route network it names, as the assistant reads it.
const network = new RouteService({ networkFile: join(import.meta.dirname, '../../knowledge/logistics/network.yaml') })
  .network;
const intent = (text: string) => detectIntent(text, placeRefs(network, text));

describe('trips named as the frame of another question (trial 9)', () => {
  it('leaves customs value, carrier liability, export rebates and people to the documents', () => {
    for (const text of [
      'FCA Циндао, ж/д до Забайкальска: таможенная стоимость в РФ включает этот фрахт?',
      '货从青岛走铁路到阿拉木图，运费要不要算进完税价格？',
      'truck from Khorgos to Almaty arrived with broken cartons, how much can we claim from the carrier under CMR?',
      'отправили фуру в Алматы, груз повредили — как подать претензию перевозчику?',
      '9810模式发到莫斯科海外仓，什么时候能退税？',
      'we send two engineers to Almaty for installation, do they need a work permit and how long does it take?',
    ])
      expect(intent(text), text).toEqual({ kind: 'none' });
  });

  it('still plans a trip whose message names its time or cost', () => {
    expect(intent('сколько идет фура из Хоргоса в Алматы?')).toMatchObject({ kind: 'route', to: 'almaty' });
    expect(intent('青岛到阿拉木图铁路运费多少')).toMatchObject({ kind: 'route', to: 'almaty' });
  });

  it('reads a port the goods go on from as a waypoint, and a compared waypoint as one of the options', () => {
    expect(intent('青岛到海参崴再转铁路到莫斯科要多久')).toMatchObject({
      from: 'qingdao',
      to: 'moscow',
      via: 'vladivostok',
    });
    expect(intent('контейнер в Москву: морем до Владивостока, потом по жд — сколько дней?')).toMatchObject({
      to: 'moscow',
      via: 'vladivostok',
    });
    const compared = intent('price for a 40HQ Qingdao to Moscow, rail vs sea to Vladivostok + rail?');
    expect(compared).toMatchObject({ kind: 'route', from: 'qingdao', to: 'moscow' });
    expect(compared).not.toHaveProperty('via');
    expect(intent('Циндао — Алматы через Хоргос, сколько дней?')).toMatchObject({ to: 'almaty', via: 'khorgos' });
  });
});

describe('a trip named after a question on something else', () => {
  it('asks the cargo-insurance question of the trip, ICC clauses named without the word "insurance"', () => {
    expect(followsRuleQuestion('and for a rail container to almaty?', 'ICC A or ICC C — is theft covered?')).toBe(true);
    expect(followsRuleQuestion('and for a rail container to almaty?', 'страховка груза: что покрывает?')).toBe(true);
    // A word that only holds the letters is no clause; a trip's time asked next is still the planner's.
    expect(followsRuleQuestion('and for a rail container to almaty?', 'Piccadilly office hours?')).toBe(false);
    expect(followsRuleQuestion('how many days by rail to almaty?', 'ICC A or ICC C?')).toBe(false);
  });

  it('reads the sea passage a trip names', () => {
    expect(namedSeaPassage('морем из Циндао в Санкт-Петербург через Суэц')).toBe('suez');
    expect(namedSeaPassage('via the Northern Sea Route')).toBe('nsr');
    expect(namedSeaPassage('走好望角要多久')).toBe('cape');
    // As exporters name the Northern Sea Route (trial 12: "那走北极航线呢？" re-planned the Suez trip).
    expect(namedSeaPassage('那走北极航线呢？')).toBe('nsr');
    expect(namedSeaPassage('а по СМП летом?')).toBe('nsr');
    expect(namedSeaPassage('what about the arctic route?')).toBe('nsr');
    expect(namedSeaPassage('смпорт Находка')).toBeUndefined();
    expect(namedSeaPassage('sea freight to St Petersburg')).toBeUndefined();
  });
});

describe('trips that weigh ways or crossings (trial 16)', () => {
  it('does not bind every way to the port one of them passes ("direct rail or sea to Vladivostok + rail")', () => {
    for (const q of [
      'Best way to move 1x40HC auto parts Qingdao → Moscow? direct rail or sea to Vladivostok + rail',
      'Циндао — Москва: напрямую по жд или морем до Владивостока и дальше жд?',
    ]) {
      expect(intent(q), q).toMatchObject({ kind: 'route', from: 'qingdao', to: 'moscow' });
      expect(intent(q), q).not.toHaveProperty('via');
    }
    // One way through the port is that way: "и дальше" goes on from it.
    expect(intent('в Москву морем до Владивостока и дальше жд, сколько дней?')).toMatchObject({
      to: 'moscow',
      via: 'vladivostok',
    });
  });

  it('plans each crossing weighed, from the zone when no start is named', () => {
    expect(intent('контейнер в Алматы через Хоргос или Алашанькоу, сколько дней?')).toMatchObject({
      from: 'qingdao',
      to: 'almaty',
      compareVia: ['khorgos', 'alashankou'],
    });
    expect(intent('从西安发阿拉木图，走霍尔果斯还是阿拉山口快？')).toMatchObject({
      from: 'xian',
      compareVia: ['khorgos', 'alashankou'],
    });
    expect(intent('Хоргос или Алашанькоу — где быстрее проходит граница?').kind).toBe('none');
  });
});

describe('a counterparty given by its registration number', () => {
  it('makes a check by number a credit lookup, and a question about the number none', () => {
    expect(detectIntent('проверь контрагента ИНН 7701234567', [])).toMatchObject({
      kind: 'credit',
      company: '7701234567',
      country: 'RU',
    });
    expect(detectIntent('БИН 000000000002', [])).toMatchObject({ kind: 'credit', company: '000000000002' });
    expect(detectIntent('что такое ИНН и где его взять?', [])).toMatchObject({ kind: 'none' });
    // A name beside the number: both travel, and the company's city is not a trip (trial 17b t17b-18 planned
    // Qingdao → Moscow for "before we ship: OOO "Vostok Treyd" Moscow, INN …").
    const both = detectIntent(
      'pls check this company before we ship: OOO "Vostok Treyd" Moscow, INN 7701234567. they want 200 tyres on 60 days open account. are they ok??',
      [{ id: 'moscow', at: 62, text: 'Moscow', kind: 'city' }],
    );
    expect(both).toEqual({
      kind: 'credit',
      company: 'OOO "Vostok Treyd"',
      registrationId: '7701234567',
      country: 'RU',
    });
    expect(
      detectIntent('в декларации указали ИНН 7701234567 получателя, это нормально для таможни?', []),
    ).toMatchObject({
      kind: 'none',
    });
  });
});

describe('a counterparty to check, named by none', () => {
  it('asks for a name or a number, in each language', () => {
    for (const text of [
      '我们想查一下阿拉木图一家公司的信用',
      'проверь покупателя из Казахстана',
      'проверьте нашего нового покупателя',
      'can you check a company for me?',
      'check our new kazakh buyer',
      'is our kazakh buyer reliable?',
    ]) {
      expect(detectIntent(text).kind, text).toBe('none');
      expect(namelessCheck(text), text).toBe(true);
    }
  });

  it('leaves a named company to the lookup, and a question on checking or on the buyer’s papers to the notes', () => {
    expect(namelessCheck('查一下样本阿拉木图物流有限公司的信用')).toBe(false);
    for (const text of [
      'please check whether the buyer needs SGR for baby food',
      'проверь, нужна ли покупателю СГР',
      'как бесплатно проверить покупателя по санкционным спискам?',
      'is opensanctions free for commercial use? want to screen our russian buyers with it',
      'Как работает проверка контрагента в 信用上合?',
      // Found by the review: where to find partners, whether to check at all, a letter of credit, a party's papers,
      // a logistics company between two cities, a question on a buyer's VAT.
      'где найти надёжного партнёра в Казахстане?',
      'where to find reliable buyers in Uzbekistan?',
      'нужно ли проверять покупателя из Узбекистана перед отгрузкой?',
      'should we check the buyer before shipping?',
      '买家信用证付款安全吗？',
      "can you check our supplier's certificate of origin?",
      '帮我查一下阿拉木图到塔什干的物流公司',
      '我想了解一下乌兹别克斯坦进口企业需要什么资质',
      'проверь, платит ли покупатель НДС при ввозе',
    ])
      expect(namelessCheck(text), text).toBe(false);
  });
});

describe('a follow-up in a route conversation that asks a rule of the trip (trial 31 t31-22)', () => {
  const places = (text: string) => placeRefs(network, text);
  const after = (previous: string, question: string) => {
    const history = [
      { id: 1, role: 'user' as const, content: previous, lang: null, createdAt: '2026-12-08T00:00:00Z' },
      { id: 2, role: 'assistant' as const, content: '…', lang: null, createdAt: '2026-12-08T00:00:01Z' },
    ];
    return intentOf(question, planRetrieval(question, history, { places }), places);
  };

  it('answers the rule from the notes, not with the trip again', () => {
    const trip = 'ok and if final destination is Tashkent? any idea of cost per 40ft?';
    expect(after(trip, 'the Tashkent buyer insists on FOB Qingdao for this rail shipment, is that ok?').kind).toBe(
      'none',
    );
  });

  it('plans the trip another way when the follow-up asks it beside the rule', () => {
    for (const [previous, question] of [
      ['how long from Qingdao to Almaty by rail?', 'what about by truck under DAP terms?'],
      ['сколько идёт поезд из Циндао в Алматы?', 'а если грузовиком на условиях DAP?'],
      ['青岛到阿拉木图铁路要多久？', '那汽运走DAP呢？'],
    ] as const)
      expect(after(previous, question), question).toMatchObject({ kind: 'route', to: 'almaty', modes: ['road'] });
  });

  it('goes through a land crossing named after a sea leg by rail (trial 31 t31-21)', () => {
    expect(
      after(
        'а если морем до Владивостока и дальше жд из Циндао в Москву?',
        'и какой переход лучше — Маньчжурия/Забайкальск?',
      ),
    ).toMatchObject({ kind: 'route', to: 'moscow', via: 'manzhouli', modes: ['rail'] });
  });
});

describe('words that ask how to check, before "这个客户" (trial 31 t31-14)', () => {
  it('names no company', () => {
    for (const q of [
      '俄罗斯客户要订2台五轴CNC加工中心。另外怎么查这个客户有没有在制裁名单上？',
      '另外帮我确认这个客户的资信',
      '另外想知道这个客户靠谱吗',
      '我们担心这个客户会不付款，怎么查？',
    ])
      expect(companyIn(q), q).toBeUndefined();
    // A name after a polite opening is still the name.
    expect(companyIn('请问海尔这个客户还在经营吗')).toBe('海尔');
  });
});
