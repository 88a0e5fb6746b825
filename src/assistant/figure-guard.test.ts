import { describe, expect, it } from 'vitest';
import { removeUnsupportedFigures } from './figure-guard.js';

describe('removeUnsupportedFigures', () => {
  const evidence = 'Certification costs 4 200 USD; the fee is ¥1,500. Transit: 12–15 days. Rate 3.5 EUR/kg.';

  it('keeps sentences whose money figures the evidence contains, in any grouping', () => {
    for (const answer of [
      'It costs 4200 USD.',
      'It costs 4,200 USD.',
      'It costs 4 200 USD.',
      'Fee ¥1500.',
      'Fee ¥ 1,500.',
    ])
      expect(removeUnsupportedFigures(answer, evidence), answer).toEqual({ text: answer, removed: [] });
    expect(removeUnsupportedFigures('About 3.5 EUR per kg.', evidence).removed).toEqual([]);
  });

  it('takes out a sentence with an invented amount and names the amount', () => {
    const r = removeUnsupportedFigures('Certification takes 3 days. It costs about 120 USD. Ask the lab.', evidence);
    expect(r).toEqual({ text: 'Certification takes 3 days. Ask the lab.', removed: ['120 USD'] });
  });

  it('recognises amounts in every currency spelling it knows', () => {
    const cases = [
      '$120',
      '$ 9',
      '€70',
      '₽5000',
      '99 EUR',
      '10 CNY',
      '10 RMB',
      '10 RUB',
      '10 KZT',
      '10 UZS',
      '10 美元',
      '10 欧元',
      '10 人民币',
      '10元',
      '10 万元',
      '10 рублей',
      '10 долларов',
      '10 евро',
      '10 тенге',
      '10 юаней',
      '10 dollars',
      '10 yuan',
      '10 euros',
      '10 roubles',
      '10 rubles',
      '10 usd',
      '$9',
      '1 dollar',
      '1 euro',
      '1 rouble',
      '1 ruble',
    ];
    for (const money of cases) {
      const r = removeUnsupportedFigures(`Keep this. It is ${money}.`, 'nothing');
      expect(r.text, money).toBe('Keep this.');
      expect(r.removed, money).toEqual([money]);
    }
  });

  it('leaves numbers that are not money alone, and checks every number of a range', () => {
    expect(removeUnsupportedFigures('It takes 40 days.', 'no numbers').text).toBe('It takes 40 days.');
    expect(removeUnsupportedFigures('From 12–15 USD.', 'Rate: 12–15 USD per box.').removed).toEqual([]);
    expect(removeUnsupportedFigures('From 12–16 USD.', 'Rate: 12–15 USD per box.').removed).toEqual(['16 USD']);
  });

  it('does not take a duration, a distance or a share in the evidence for a price', () => {
    expect(
      removeUnsupportedFigures('It costs about 120 USD.', 'Оплата через 120 дней после поставки.').removed,
    ).toEqual(['120 USD']);
    expect(removeUnsupportedFigures('约 6570 元。', '从边境到莫斯科约6570公里。').removed).toEqual(['6570 元']);
    expect(removeUnsupportedFigures('It is 5400 USD.', '5400 USD (2025, estimate)').removed).toEqual([]);
  });

  it('splits sentences in Chinese, Russian and on new lines', () => {
    expect(removeUnsupportedFigures('费用为4200美元。运费是999元！好的', evidence)).toEqual({
      text: '费用为4200美元。好的',
      removed: ['999元'],
    });
    expect(removeUnsupportedFigures('Стоимость 777 рублей?\nДалее текст', evidence).text).toBe('Далее текст');
  });

  it('does not cut a sentence at a decimal point (a quoted 3.5 EUR was once removed as "5 EUR")', () => {
    expect(removeUnsupportedFigures('The rate is 3.5 EUR per kg. Done.', evidence)).toEqual({
      text: 'The rate is 3.5 EUR per kg. Done.',
      removed: [],
    });
    expect(removeUnsupportedFigures('Intro. The rate is 9.5 EUR per kg. Done.', evidence)).toEqual({
      text: 'Intro. Done.',
      removed: ['9.5 EUR'],
    });
  });

  it('reads an amount whole, however the answer and the evidence group its digits (mutation-testing cases)', () => {
    expect(removeUnsupportedFigures('It costs 4 200 USD.', 'costs 4200 USD').removed).toEqual([]);
    expect(removeUnsupportedFigures('Fee $4 200.', 'fee $4200').removed).toEqual([]);
    expect(removeUnsupportedFigures('Fee $120', 'fee 120').removed).toEqual([]);
    expect(removeUnsupportedFigures('Duty 4200.5 USD.', 'duty 4,200.5 USD').removed).toEqual([]);
    // Evidence that opens with its number, and a one-digit amount.
    expect(removeUnsupportedFigures('It costs 4200 USD.', '4200 USD is the fee').removed).toEqual([]);
    expect(removeUnsupportedFigures('Fee $9.', 'fee $9').removed).toEqual([]);
    // Numbers the evidence sets side by side (a table row) are each known.
    expect(removeUnsupportedFigures('It is 450 USD.', 'Rates: 300 450 USD').removed).toEqual([]);
  });

  it('reads a decimal comma as a decimal, not as digit grouping', () => {
    const rub = 'Сбор — 1,5 рубля за единицу; пошлина 4,200 USD.';
    expect(removeUnsupportedFigures('Сбор 1,5 рубля.', rub).removed).toEqual([]);
    expect(removeUnsupportedFigures('Fee 1.5 RUB.', rub).removed).toEqual([]);
    expect(removeUnsupportedFigures('Сбор 15 рублей.', rub).removed).toEqual(['15 рублей']);
    expect(removeUnsupportedFigures('Duty 4200 USD.', rub).removed).toEqual([]);
    expect(removeUnsupportedFigures('Duty 4.2 USD.', rub).removed).toEqual(['4.2 USD']);
  });

  it('treats a trailing dot as the end of a sentence, not a decimal, and keeps decimals', () => {
    expect(removeUnsupportedFigures('Price 4200 USD.', 'price 4200.').removed).toEqual([]);
    expect(removeUnsupportedFigures('Price 4.2 USD', 'price 42').removed).toEqual(['4.2 USD']);
    expect(removeUnsupportedFigures('Price 42 USD', 'price 4.2').removed).toEqual(['42 USD']);
  });
});
