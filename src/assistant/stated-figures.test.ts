import { describe, expect, it } from 'vitest';
import { contradictedFigures } from './stated-figures.js';

describe('contradictedFigures', () => {
  it('names a stated rate that the lead’s sentences on the same thing do not give', () => {
    const lead = ['С 1 декабря 2024 года ставка возврата НДС для фотоэлектрических модулей снижена до 9%.'];
    expect(contradictedFigures('возврат НДС на солнечные панели 13% ещё действует?', lead)).toEqual(['13%']);
    expect(contradictedFigures('光伏组件出口退税率还是百分之十三吗', ['光伏产品出口退税率下调至9%。'])).toEqual([
      '百分之十三',
    ]);
  });

  it('leaves a rate the lead gives, even beside another one', () => {
    const lead = ['Kazakhstan raised its VAT from 12% to 16% on 1 January 2026.'];
    expect(contradictedFigures('kazakhstan import VAT 12% right?', lead)).toEqual([]);
  });

  it('reads a figure with the words of its own clause only', () => {
    // "5% duty" is stated; the lead is on VAT.
    expect(
      contradictedFigures('we pay 5% duty. what VAT rate in Russia?', ['Russia’s basic VAT rate is 22%.']),
    ).toEqual([]);
    expect(
      contradictedFigures('duty on aluminium foil 5%?', ['The anti-dumping duty on the foil is 17.16–20.24%.']),
    ).toEqual(['5%']);
  });

  it('takes an amount for a premise only beside a limit word, and compares it in the same currency', () => {
    const lead = ['Лимит беспошлинного ввоза — 200 евро и 31 кг на посылку.'];
    expect(contradictedFigures('лимит 1000 евро без пошлины ещё действует?', lead)).toEqual(['1000 евро']);
    expect(contradictedFigures('лимит 200 евро без пошлины?', lead)).toEqual([]);
    expect(contradictedFigures('лимит $1000 на посылку?', lead)).toEqual([]);
    expect(
      contradictedFigures('контракт на 120 тыс $. с какой суммы обязательно?', [
        'Да, если сумма превышает 50 000 долларов США в эквиваленте.',
      ]),
    ).toEqual([]);
  });
});
