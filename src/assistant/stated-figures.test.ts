import { describe, expect, it } from 'vitest';
import { contradictedFigures } from './stated-figures.js';

describe('contradictedFigures', () => {
  it('checks a rebate only against sentences on the rebate, not the buyer’s VAT (a review of trial 30’s change)', () => {
    const vat = ['Import VAT at customs on goods from China should therefore also be 16%.'];
    expect(contradictedFigures('PV rebate 13% right? and what is the import VAT in Kazakhstan?', vat)).toEqual([]);
    expect(contradictedFigures('our distributor wants a 5% volume rebate. what import VAT will he pay?', vat)).toEqual(
      [],
    );
  });

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

  it('leaves the person’s own terms, and compares a charge’s figure with sentences on that charge (review)', () => {
    const ru = ['Ввозной НДС в Казахстане — 16% с 1 января 2026 года.'];
    expect(contradictedFigures('предоплата 30%, какая ставка НДС при ввозе в Казахстан?', ru)).toEqual([]);
    expect(contradictedFigures('мы даём скидку 10%, как считается НДС при ввозе в Казахстан?', ru)).toEqual([]);
    expect(contradictedFigures('if I sell with 15% margin, what is the VAT in Kazakhstan?', ru)).toEqual([]);
    expect(contradictedFigures('我们预付30%，关税多少？', ['关税为5%。'])).toEqual([]);
    expect(contradictedFigures('пошлина 5% и НДС 20%?', ['НДС — 22%.'])).toEqual(['20%']);
  });

  it('takes an amount for a premise only beside a limit word, and compares it in the same currency', () => {
    const lead = ['Лимит беспошлинного ввоза — 200 евро и 31 кг на посылку.'];
    expect(contradictedFigures('лимит 1000 евро без пошлины ещё действует?', lead)).toEqual(['1000 евро']);
    expect(contradictedFigures('лимит 200 евро без пошлины?', lead)).toEqual([]);
    expect(contradictedFigures('лимит $1000 на посылку?', lead)).toEqual([]);
    // The parcel's own value is no limit, nor is a year before the amount part of it.
    expect(contradictedFigures('отправляю посылку за 300 евро, какой лимит беспошлинного ввоза?', lead)).toEqual([]);
    expect(contradictedFigures('с 2026 200 евро лимит?', lead)).toEqual([]);
    expect(contradictedFigures('лимит 1 000 евро?', lead)).toEqual(['1 000 евро']);
    expect(
      contradictedFigures('контракт на 120 тыс $. с какой суммы обязательно?', [
        'Да, если сумма превышает 50 000 долларов США в эквиваленте.',
      ]),
    ).toEqual([]);
  });
});
