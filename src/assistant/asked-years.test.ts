import { describe, expect, it } from 'vitest';
import { yearsAsked } from './asked-years.js';

describe('yearsAsked', () => {
  it('reads a year written with two digits as chat does, only beside a word that makes it a year', () => {
    expect(yearsAsked('а ндс на посылки с 27 года будет?', '2026-12-06')).toEqual(['2027']);
    expect(yearsAsked('с июля 26го меняют правила', '2026-12-06')).toEqual(['2026']);
    expect(yearsAsked('27年以后呢', '2026-12-06')).toEqual(['2027']);
    for (const q of ['груз 27 кг', 'упаковка 25 г.', 'через 30 дней', '80年代的规定'])
      expect(yearsAsked(q, '2026-12-06'), q).toEqual([]);
  });
});
