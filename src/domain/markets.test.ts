import { describe, expect, it } from 'vitest';
import { askedMarkets, detectMarkets } from './markets.js';

describe('markets named in a message', () => {
  it('finds countries, adjectives, case forms and cities in three languages', () => {
    expect(detectMarkets('Покупатель из Казахстана просит отсрочку')).toEqual(['KZ']);
    expect(detectMarkets('какой НДС при ввозе в Россию в 2026?')).toEqual(['RU']);
    expect(detectMarkets('контейнер в Алматы через Хоргос')).toEqual(['KZ']);
    expect(detectMarkets('哈萨克斯坦的增值税是多少')).toEqual(['KZ']);
    expect(detectMarkets('shipping to Tashkent then Bishkek')).toEqual(['UZ', 'KG']);
    expect(detectMarkets('Туркмения — примут наш EAC серт?')).toEqual(['TM']);
  });

  it('does not mistake look-alike words or names inside other names', () => {
    expect(detectMarkets('白俄罗斯的认证')).toEqual(['BY']);
    expect(detectMarkets('内蒙古二连浩特')).toEqual([]);
    expect(detectMarkets('ИП или индивидуальный предприниматель, как грузить?')).toEqual([]);
    expect(detectMarkets('белорусский сертификат')).toEqual(['BY']);
  });

  it('never counts China, where the exporter ships from, as the market asked about', () => {
    expect(askedMarkets('从中国出口到俄罗斯需要什么')).toEqual(['RU']);
    expect(askedMarkets('утильсбор на экскаваторы из китая')).toEqual([]);
  });
});
