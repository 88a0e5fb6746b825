import { describe, expect, it } from 'vitest';
import { questionTypes, rolesNamed, sentenceHas } from './question-type.js';

describe('question types', () => {
  it('reads a year as a date, not a duration', () => {
    for (const s of ['成立于1932年，2022年迎来90周年', 'Решение принято в 2024 году.', 'С 2026 г. ставка выше.'])
      expect(sentenceHas('duration', s), s).toBe(false);
    for (const s of ['证书有效期3年。', 'действует до 5 лет', 'перегруз занимает 4 ч 15 мин', '2019 年以内 5 天'])
      expect(sentenceHas('duration', s), s).toBe(true);
  });

  it('reads a deadline asked as a date or a period, and "次年 4 月底前" as a date (trial 21)', () => {
    for (const q of ['and whats the deadline to claim', '那预退税最晚什么时候要结清'])
      expect(questionTypes(q), q).toEqual(expect.arrayContaining(['date', 'duration']));
    expect(sentenceHas('date', '自预退税次月起至次年 4 月底前，按实际销售情况进行核算；')).toBe(true);
    expect(sentenceHas('duration', 'Under Art. 32, claims are time-barred after 1 year.')).toBe(true);
  });

  it('names a party by its role, in any of the three languages', () => {
    expect(rolesNamed('Коды наносит производитель или импортёр.')).toEqual(['производитель', 'импортёр']);
    expect(rolesNamed('The importer files the DoC.')).toEqual(['importer']);
    expect(rolesNamed('由进口商申请。')).toEqual(['进口商']);
    expect(rolesNamed('Коды наносят до ввоза.')).toEqual([]);
  });

  it('reads "4-hour", "30-day" and "12-месячный" as durations, not a regulation number (trial 13)', () => {
    for (const s of ['The 4-hour release clock starts', 'a 30-day period', 'на 12-месячный срок'])
      expect(sentenceHas('duration', s), s).toBe(true);
    expect(sentenceHas('duration', 'TR CU 010-2011 applies')).toBe(false);
  });

  it('reads "55 min" and "3 h" as durations, not "5 hubs" or "2 mines"', () => {
    for (const s of ['on average 55 min to reload a train', 'about 3 h to reload 40+ wagons', 'within 2 hrs'])
      expect(sentenceHas('duration', s), s).toBe(true);
    for (const s of ['5 hubs in the region', '2 mines were opened']) expect(sentenceHas('duration', s), s).toBe(false);
  });

  it('reads "сколько … заплатить" with words between as asking for an amount', () => {
    expect(questionTypes('сколько жд должна заплатить по смгс?')).toContain('amount');
    expect(questionTypes('сколько перевозчик обязан уплатить?')).toContain('amount');
    expect(questionTypes('сколько дней идет поезд?')).not.toContain('amount');
  });

  it('reads "сколько сейчас обычно идёт" as asking for a duration, which no bare number or year answers (trial 13)', () => {
    expect(questionTypes('и сколько сейчас обычно идет такой платеж?')).toEqual(['duration']);
    expect(questionTypes('сколько в среднем идёт поезд до Алматы?')).toEqual(['duration']);
    expect(questionTypes('how many days by rail?')).toEqual(['duration']);
  });

  it('reads a question on whether a charge is refunded or counted in as asking for the rule, not a figure', () => {
    expect(questionTypes('нам вернут стоимость доставки?')).not.toContain('amount');
    expect(questionTypes('运费要不要算进完税价格？')).not.toContain('amount');
    expect(questionTypes('is the freight cost included in the customs value?')).not.toContain('amount');
    // Asked outright, it is still an amount.
    expect(questionTypes('сколько вернут за доставку?')).toContain('amount');
    expect(questionTypes('за доставку сколько?')).toContain('amount');
    expect(questionTypes('how much of the freight is included?')).toContain('amount');
    expect(questionTypes('какая стоимость доставки?')).toContain('amount');
  });

  it('reads "ставка" as a rate, not inside "доставка" or "поставка" (trial 30 t30-16)', () => {
    expect(questionTypes('Вопрос не по доставке, просто интересно: почему в Забайкальске перегружают?')).toEqual([]);
    expect(questionTypes('поставки идут через Хоргос, почему задерживают?')).toEqual([]);
    expect(questionTypes('какая ставка НДС в Казахстане?')).toEqual(['amount']);
  });

  it('reads "сколько" as exporters type it', () => {
    expect(questionTypes('скока часов занимает перегруз')).toContain('duration');
    expect(questionTypes('сколко перевозчик вернет')).toContain('number');
  });

  it('reads a threshold or a sum asked as an amount (trial 9)', () => {
    for (const q of [
      'С какой суммы контракт надо ставить на учёт?',
      'на какую сумму оформлять страховку при CIP?',
      'from what amount must the contract be registered?',
      'CIF保险的保额是多少？',
    ])
      expect(questionTypes(q), q).toContain('amount');
  });

  it('reads a percentage asked ("сколько %", "多少%", "what percent") as an amount, not any number', () => {
    for (const q of [
      'антидемпинг ещё действует? до какого года и сколько %',
      '反倾销税多少%？',
      'what percent is the duty?',
    ])
      expect(questionTypes(q), q).toContain('amount');
  });
});
