import { describe, expect, it } from 'vitest';
import { withCountryOfCity } from './city-markets.js';

describe('withCountryOfCity', () => {
  it("adds the country's name after a city that stands for it", () => {
    expect(withCountryOfCity('холодильники везем в Ташкент — наш EAC серт там прокатит?')).toBe(
      'холодильники везем в Ташкент Узбекистан — наш EAC серт там прокатит?',
    );
    expect(withCountryOfCity('is EAC ok in tashkent?')).toBe('is EAC ok in tashkent Uzbekistan?');
  });

  it('leaves the country, its abbreviation and Chinese text as they are', () => {
    for (const q of [
      'EAC в Узбекистане?',
      'декларация на завод без представителя в рф',
      '客户是塔什干农业有限责任公司',
    ])
      expect(withCountryOfCity(q), q).toBe(q);
  });
});
