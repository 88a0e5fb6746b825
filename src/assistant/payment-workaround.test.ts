import { describe, expect, it } from 'vitest';
import { asksPaymentWorkaround } from './payment-workaround.js';

describe('asksPaymentWorkaround', () => {
  it('reads a payment through another company, country or agent asked "is that ok?" in three languages', () => {
    for (const q of [
      '我们卖数控机床给俄罗斯客户，他人民币付款老被国内银行退回来。客户说可以让他在吉尔吉斯的公司来付，这样可以吗？',
      'покупатель предлагает платить через свою компанию в Казахстане, так можно?',
      'клиент хочет оплату через третью страну, это законно?',
      'is it ok to receive payment from his company in Dubai instead of the Russian buyer?',
      'buyer wants to pay via a third country, any problem?',
      '通过第三国付款行吗',
    ])
      expect(asksPaymentWorkaround(q), q).toBe(true);
  });

  it('leaves how-to questions, a payer named without a detour, and a detour not asked about', () => {
    for (const q of [
      'как российский покупатель платит в юанях?',
      'can the buyer pay in rubles?',
      '俄罗斯买方怎么付款？',
      'покупатель платит через платёжного агента, какие документы нужны для валютного контроля?',
      'is it ok to ship by rail via Khorgos?',
      'можно ли отгружать без предоплаты?',
    ])
      expect(asksPaymentWorkaround(q), q).toBe(false);
  });
});
