import { describe, expect, it } from 'vitest';
import { askedMarkets, detectMarkets, lastMarketsListed, sentenceMarkets } from './markets.js';

describe('markets named in a message', () => {
  it('finds countries, adjectives, case forms and cities in three languages', () => {
    expect(detectMarkets('Покупатель из Казахстана просит отсрочку')).toEqual(['KZ']);
    expect(detectMarkets('какой НДС при ввозе в Россию в 2026?')).toEqual(['RU']);
    expect(detectMarkets('контейнер в Алматы через Хоргос')).toEqual(['KZ']);
    expect(detectMarkets('哈萨克斯坦的增值税是多少')).toEqual(['KZ']);
    expect(detectMarkets('shipping to Tashkent then Bishkek')).toEqual(['UZ', 'KG']);
    expect(detectMarkets('Туркмения — примут наш EAC серт?')).toEqual(['TM']);
  });

  it('names markets no document covers, so the answer can say so (trial 12: Egypt)', () => {
    expect(detectMarkets("do our e-bikes need to be registered in Egypt's ACI system before Alexandria?")).toEqual([
      'EG',
    ]);
    expect(detectMarkets('LED-лампы в Нигерию и Кению, какой сертификат?')).toEqual(['NG', 'KE']);
    expect(detectMarkets('出口墨西哥和南非要什么认证')).toEqual(['MX', 'ZA']);
    // A word that only begins like Doha is no market.
    expect(detectMarkets('доход от экспорта в Тбилиси')).toEqual(['GE']);
  });

  it('reads two markets joined by "and" as one list, and two markets in two roles as none (trial 30 t30-09)', () => {
    for (const t of [
      '主要出口乌兹别克斯坦和哈萨克斯坦，有AEO互认吗？',
      '乌兹别克斯坦、哈萨克斯坦有AEO互认吗？',
      'какой ввозной НДС в Узбекистане и Казахстане?',
      'what VAT do buyers pay in Uzbekistan and Kazakhstan?',
    ])
      expect(lastMarketsListed(t), t).toBe(true);
    for (const t of [
      'cheap EAC cert issued in Kyrgyzstan, for goods to Russia - ok?',
      'EAC cert issued in Kyrgyzstan, Russia customs will accept it?',
      'груз из Казахстана, получатель в Узбекистане',
      'какой НДС в Казахстане?',
    ])
      expect(lastMarketsListed(t), t).toBe(false);
  });

  it('does not mistake look-alike words or names inside other names', () => {
    expect(detectMarkets('白俄罗斯的认证')).toEqual(['BY']);
    expect(detectMarkets('内蒙古二连浩特')).toEqual([]);
    expect(detectMarkets('ИП или индивидуальный предприниматель, как грузить?')).toEqual([]);
    expect(detectMarkets('белорусский сертификат')).toEqual(['BY']);
  });

  it('does not ask about a market named only to compare with, when another one is asked', () => {
    expect(askedMarkets('duty and vat in mongolia? do they take EAC like russia?')).toEqual(['MN']);
    expect(askedMarkets('is it the same Chestny Znak system as in Russia? our buyer is in Astana')).toEqual(['KZ']);
    expect(askedMarkets('в Казахстане маркировка такая же, как и в России?')).toEqual(['KZ']);
    expect(askedMarkets('发哈萨克斯坦的认证和俄罗斯一样吗？')).toEqual(['KZ']);
    // Alone, the compared market is the one asked; two markets side by side are both asked.
    expect(askedMarkets('like russia?')).toEqual(['RU']);
    expect(askedMarkets('Kazakhstan and Russia VAT rates')).toEqual(['KZ', 'RU']);
  });

  it('reads a language named beside a market as the label’s language, not a market asked', () => {
    expect(askedMarkets('Kazakhstan import VAT 12%? and russian-only label is ok?')).toEqual(['KZ']);
    expect(askedMarkets('этикетка на русском подойдет для Казахстана?')).toEqual(['KZ']);
    expect(askedMarkets('哈萨克斯坦要俄文标签吗')).toEqual(['KZ']);
    // The language alone names its market ("kazakh label" asks about Kazakhstan's rule).
    expect(askedMarkets('do we need a kazakh label?')).toEqual(['KZ']);
    expect(askedMarkets('kazakh label for russia?')).toEqual(['RU']);
    // A market named by its adjective is still a market ("на казахском рынке", "into Kazakh market").
    expect(askedMarkets('Хотим продавать на казахском рынке и в России, какой НДС при ввозе?')).toEqual(['KZ', 'RU']);
    expect(askedMarkets('we want to get into Kazakh market and Russia, what VAT?')).toEqual(['KZ', 'RU']);
  });

  it('reads the one-character names Chinese writes in pairs and after a preposition', () => {
    expect(askedMarkets('中白AEO互认啥时候开始实施的')).toEqual(['BY']);
    expect(askedMarkets('中吉乌铁路什么时候通车')).toEqual(['KG', 'UZ']);
    expect(askedMarkets('对哈出口要交增值税吗')).toEqual(['KZ']);
    expect(askedMarkets('输俄商品要贴诚信标志吗')).toEqual(['RU']);
    expect(askedMarkets('中巴自贸区原产地证')).toEqual(['PK']);
    expect(askedMarkets('中蒙俄经济走廊')).toEqual(['MN', 'RU']);
    // Words and places that begin with the same characters.
    for (const q of [
      '乌克兰',
      '中巴车',
      '对白',
      '其中哈尔滨的货',
      '其中吉林省',
      '集中乌鲁木齐',
      '从塔城口岸',
      '中白色',
      '对哈密的货',
      '中巴克图口岸',
    ])
      expect(askedMarkets(q), q).toEqual([]);
    // A full name after the preposition is one market, not its characters read one by one.
    expect(askedMarkets('对塔吉克斯坦出口')).toEqual(['TJ']);
    expect(askedMarkets('对塔什干发货')).toEqual(['UZ']);
  });

  it('never counts China, where the exporter ships from, as the market asked about', () => {
    expect(askedMarkets('从中国出口到俄罗斯需要什么')).toEqual(['RU']);
    expect(askedMarkets('утильсбор на экскаваторы из китая')).toEqual([]);
  });
  it('reads no market in a web address: the .рф of a site is not Russia named', () => {
    expect(sentenceMarkets('check честныйзнак.рф before relying on them')).toEqual([]);
    expect(sentenceMarkets('see customs.gov.kz/ru/page and ask the Russian buyer')).toEqual(['RU']);
    expect(sentenceMarkets('товар ввозится в РФ')).toEqual(['RU']);
    expect(sentenceMarkets('哈萨克斯坦海关网站customs.gov.kz')).toEqual(['KZ']);
  });
});
