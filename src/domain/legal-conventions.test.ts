import { describe, expect, it } from 'vitest';
import { carriageAsked, namedRegimes, withoutMarkingScheme } from './legal-conventions.js';

describe('namedRegimes', () => {
  it('reads the e-commerce customs modes by their codes, and not a quantity written the same', () => {
    expect(namedRegimes('我们9610发俄罗斯的小包，退回来了')).toEqual(['mode:9610']);
    expect(namedRegimes('we ship under 9810 to an overseas warehouse.')).toEqual(['mode:9810']);
    expect(namedRegimes('distance 1210 km to Almaty')).toEqual([]);
    expect(namedRegimes('1210 USD за контейнер')).toEqual([]);
    expect(namedRegimes('12,100 or 1210.5 tonnes')).toEqual([]);
  });

  it('keeps the conventions named by name', () => {
    expect(namedRegimes('по СМГС и CMR')).toEqual(['convention:smgs', 'convention:cmr']);
  });

  it('reads Russia’s marking scheme by its name in each language, and removes it', () => {
    for (const q of [
      'нужна ли маркировка честный знак для обуви?',
      'does Chestny Znak apply to shoes?',
      '鞋子要贴诚信标志吗',
    ])
      expect(namedRegimes(q)).toEqual(['scheme:chestny-znak']);
    expect(namedRegimes('честная цена за знак качества')).toEqual([]);
    // Review of 2026-12-07: inflected and one-word forms, "Honest Sign" as a name; not "честно, знак", "знакомые", "an
    // honest sign of", nor the web address.
    for (const q of ['коды Честного знака', 'честныйзнак на обувь', 'Honest Sign codes', '诚实标识要贴吗'])
      expect(namedRegimes(q)).toEqual(['scheme:chestny-znak']);
    for (const q of [
      'честно, знак EAC стоит?',
      'честные знакомые сказали',
      'an honest sign of trust',
      'check честныйзнак.рф',
    ])
      expect(namedRegimes(q)).toEqual([]);
    expect(withoutMarkingScheme('does Chestny Znak apply to shoes?')).toBe('does apply to shoes?');
  });
});

describe('carriageAsked', () => {
  it("reads a liability question that names one mode as asked under that mode's convention (trial 29 t29-20)", () => {
    expect(carriageAsked('what if the container gets lost on the railway - how much does the railway pay us?')).toEqual(
      ['convention:smgs'],
    );
    expect(carriageAsked('груз пропал в фуре по дороге в Алматы, сколько заплатит перевозчик?')).toEqual([
      'convention:cmr',
    ]);
    expect(carriageAsked('铁路运输途中集装箱丢了，铁路赔多少？')).toEqual(['convention:smgs']);
  });

  it('reads nothing when the question names the convention, several modes, or no claim', () => {
    expect(carriageAsked('по СМГС сколько заплатит перевозчик, если груз пропал?')).toEqual([]);
    expect(carriageAsked('rail or truck - if the cargo is lost, how much does the carrier pay?')).toEqual([]);
    expect(carriageAsked('how long does the train take to Almaty?')).toEqual([]);
    // A claim that is no carrier's: a refund (a review of trial 29's change).
    expect(carriageAsked('can we claim the export VAT refund for goods shipped by rail to Kazakhstan?')).toEqual([]);
    expect(carriageAsked('возмещение НДС при экспорте по железной дороге — какие документы?')).toEqual([]);
  });
});
