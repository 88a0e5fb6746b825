import { describe, expect, it } from 'vitest';
import { namedCharges } from './charges.js';

describe('namedCharges', () => {
  it("reads China's export rebate as a charge of its own, and VAT named as the rebate's or an invoice's as no VAT (trial 30 t30-12)", () => {
    expect(namedCharges('Can we still get vat rebate on 9610 if the factory didnt give us VAT invoices?')).toEqual([
      'rebate',
    ]);
    expect(namedCharges('возврат НДС на солнечные панели 13% ещё действует?')).toEqual(['rebate']);
    expect(namedCharges('光伏组件出口退税率是多少')).toEqual(['rebate']);
    expect(namedCharges('工厂没给增值税专用发票')).toEqual([]);
    // The buyer's VAT beside the rebate is asked too.
    expect(namedCharges('PV rebate 13% right? and what is the import VAT in Kazakhstan?')).toEqual(['vat', 'rebate']);
    expect(namedCharges('какой НДС при ввозе в Россию?')).toEqual(['vat']);
    // The notes call it a refund too.
    expect(namedCharges('how long does the 9810 export VAT refund take to arrive?')).toEqual(['rebate']);
    expect(namedCharges('How long a 9810 refund takes to be processed is not officially set.')).toEqual(['rebate']);
    expect(namedCharges('the buyer wants a refund for the broken units')).toEqual([]);
  });

  it('reads goods sent back, and a word that only contains "rebate", as no rebate', () => {
    expect(namedCharges('Торгую на Ozon из Китая, экспортные возвраты как оформить?')).toEqual([]);
    expect(namedCharges('prebate terms')).toEqual([]);
  });
});
