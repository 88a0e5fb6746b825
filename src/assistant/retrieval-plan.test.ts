import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../store/conversation-repo.js';
import type { PlaceRef } from './place-ref.js';
import { planRetrieval } from './retrieval-plan.js';

const asked = (content: string): StoredMessage[] => [{ role: 'user', content } as StoredMessage];

// A stand-in for the planner's resolver: three crossings and three cities.
const NODES: Record<string, { id: string; kind: string }> = {
  alashankou: { id: 'alashankou', kind: 'border-crossing' },
  khorgos: { id: 'khorgos', kind: 'border-crossing' },
  хоргос: { id: 'khorgos', kind: 'border-crossing' },
  qingdao: { id: 'qingdao', kind: 'city' },
  циндао: { id: 'qingdao', kind: 'city' },
  almaty: { id: 'almaty', kind: 'city' },
  алматы: { id: 'almaty', kind: 'city' },
  бишкек: { id: 'bishkek', kind: 'city' },
};
const places = (text: string): PlaceRef[] =>
  [...text.matchAll(/[\p{L}]+/gu)].flatMap((m) => {
    const node = NODES[m[0].toLowerCase().replace(/[аеуы]$/, '')] ?? NODES[m[0].toLowerCase()];
    return node ? [{ ...node, at: m.index, text: m[0] }] : [];
  });

describe('planRetrieval: a follow-up replaces what it names again', () => {
  it('swaps the transport mode or its convention', () => {
    const plan = planRetrieval('а по жд, по СМГС?', asked('Какой лимит ответственности перевозчика по CMR?'));
    expect(plan.understood).toMatch(/^Какой лимит ответственности перевозчика по ?\? а по жд, по СМГС\?$/);
    const sea = planRetrieval(
      'and for sea freight?',
      asked('What is the CMR liability limit per kg for road freight?'),
    );
    expect(sea.understood).not.toMatch(/CMR|road/);
  });

  it('swaps the market, China included when the follow-up names it', () => {
    expect(planRetrieval('а в Узбекистане?', asked('Какая ставка НДС в Казахстане?')).understood).not.toMatch(
      /Казахстан/,
    );
    expect(
      planRetrieval('and on the Chinese side?', asked('How does currency control work in Kazakhstan?')).understood,
    ).not.toMatch(/Kazakhstan/);
  });

  it('swaps both markets of a list, and of two markets in two roles the destination', () => {
    // Trial 30 t30-09: the Uzbek row of the mutual-recognition table led "俄罗斯呢？".
    const listed = '我司是AEO企业，主要出口乌兹别克斯坦和哈萨克斯坦，这两个国家跟中国有AEO互认吗？';
    expect(planRetrieval('俄罗斯呢？', asked(listed)).markets).toEqual(['RU']);
    expect(planRetrieval('а в России?', asked('какой ввозной НДС в Узбекистане и Казахстане?')).markets).toEqual([
      'RU',
    ]);
    // Trial 18c t18c-15: the Kyrgyz certificate stays asked of Kazakhstan.
    expect(
      planRetrieval('and for Kazakhstan?', asked('cheap EAC cert issued in Kyrgyzstan, for goods to Russia - ok?'))
        .markets,
    ).toEqual(['KZ', 'KG']);
  });

  it('swaps a crossing for a crossing, and of two cities the destination', () => {
    const crossing = planRetrieval('and at Khorgos?', asked('how long does reloading take at Alashankou?'), { places });
    expect(crossing.understood).toMatch(/^how long does reloading take at ?\? and at Khorgos\?$/);
    const city = planRetrieval('а до Бишкека?', asked('Сколько идёт поезд из Циндао до Алматы?'), { places });
    expect(city.understood).toContain('Циндао');
    expect(city.understood).not.toContain('Алматы');
  });

  it('swaps a regulation named by number or by subject', () => {
    const plan = planRetrieval('and for EMC?', asked('Do LED desk lamps need a declaration under TR CU 004/2011?'));
    expect(plan.understood).not.toMatch(/004/);
    expect(plan.understood).toMatch(/LED desk lamps/);
    const ru = planRetrieval('а по ТР ТС 020?', asked('Нужна ли декларация по ТР ТС 004/2011 на чайник?'));
    expect(ru.understood).not.toMatch(/004/);
  });

  it('swaps the product the follow-up names, and its regulation with it', () => {
    const zh = planRetrieval('那玩具呢？', asked('童装出口俄罗斯要做证书还是声明？'));
    expect(zh.understood).toBe('出口俄罗斯要做证书还是声明？ 那玩具呢？');
    expect(zh.products.map((p) => p.id)).toEqual(['toys']);
    expect(zh.regulations).toEqual(['008']);
    const ru = planRetrieval('а на игрушки?', asked('Нужен ли сертификат на детскую одежду в Казахстан?'));
    expect(ru.understood).not.toMatch(/детск|одежд/);
    expect(ru.markets).toEqual(['KZ']);
    expect(ru.regulations).toEqual(['008']);
  });

  it('adds the conformity words, in the question’s script, to "what papers" for a product only', () => {
    expect(planRetrieval('毛绒玩具出口俄罗斯要办什么证？').understood).toBe(
      '毛绒玩具出口俄罗斯要办什么证？ 认证 合格证书 符合性声明 国家注册',
    );
    expect(planRetrieval('какие документы нужны на детскую обувь?').understood).toMatch(/сертификат декларация$/);
    // Asked in other words (trials 21 t21-02, 21b t21b-07).
    expect(planRetrieval('боди и ползунки на 0-12 мес. что по документам EAC нужно?').understood).toMatch(
      /сертификат декларация$/,
    );
    expect(planRetrieval('我们做婴儿连体衣 出口俄罗斯 要做EAC什么证').understood).toMatch(
      /认证 合格证书 符合性声明 国家注册$/,
    );
    // A Russian question that names its product in Chinese is Russian; "доки" are documents.
    expect(planRetrieval('детские боди 婴儿连体衣 хотим возить в рф. какие доки нужны?').understood).toMatch(
      /сертификат декларация$/,
    );
    // A product follow-up of a "what papers" question asks for that product's papers.
    expect(planRetrieval('а на погремушки?', asked('детские боди, какие доки нужны?')).understood).toMatch(
      /погремушки\? сертификат декларация$/,
    );
    // No product: the question stays as asked.
    expect(planRetrieval('какие документы нужны для экспорта?').understood).toBe('какие документы нужны для экспорта?');
  });

  it('carries over what the follow-up does not name', () => {
    const plan = planRetrieval('а сколько стоит?', asked('Сколько идёт поезд по жд из Циндао до Алматы?'), { places });
    expect(plan.understood).toBe('Сколько идёт поезд по жд из Циндао до Алматы? а сколько стоит?');
  });
});

describe('planRetrieval: a product asked of a market outside the union', () => {
  it('is answered from that market’s own note, without the union’s regulations', () => {
    const uz = planRetrieval('какие документы нужны чтобы отправить светодиодные лампы в Узбекистан?');
    expect(uz.ownNote).toBe('UZ');
    expect(uz.regulations).toEqual([]);
    expect(uz.queries.join(' ')).not.toContain('ТР ТС 004/2011');
    expect(planRetrieval('LED灯出口乌兹别克斯坦需要什么证书？').ownNote).toBe('UZ');
  });

  it('keeps the union’s regulations for a member, and names no note for a question on something else', () => {
    const kz = planRetrieval('какие документы нужны чтобы отправить светодиодные лампы в Казахстан?');
    expect(kz.ownNote).toBeUndefined();
    expect(kz.regulations).toContain('004');
    // The union's mark asked of one market outside it, beside a member, is that market's question.
    expect(
      planRetrieval(
        'we got EAC cert for our kids shoes for russia. uzbekistan is in the EAEU too so the same cert works?',
      ).ownNote,
    ).toBe('UZ');
    expect(planRetrieval('EAC cert for kids shoes: russia and kazakhstan the same?').ownNote).toBeUndefined();
    // "高级认证" is the AEO status, and no product is named.
    expect(planRetrieval('中国和乌兹别克斯坦的AEO互认是哪年签的？我们是海关高级认证企业').ownNote).toBeUndefined();
  });
});
