import { describe, expect, it } from 'vitest';
import { withEachMarketNext } from './each-market.js';

const words = new Set(['ндс']);
const kz = (score: number, text = 'Основная ставка НДС — 16%.') => ({ text, score, countries: 'KZ' });
const uz = (score: number) => ({ text: 'НДС снижен с 15% до 12%.', score, countries: 'UZ' });
const general = (score: number) => ({ text: 'Ввозной НДС считают от таможенной стоимости.', score, countries: '' });

describe('withEachMarketNext', () => {
  it("moves the best sentence on the list's other market second, as another part's answer", () => {
    const out = withEachMarketNext(
      [kz(1), kz(0.9, 'Ставка действует на дату оборота.'), general(0.8), uz(0.6)],
      ['KZ', 'UZ'],
      words,
    );
    expect(out.map((c) => c.countries)).toEqual(['KZ', 'UZ', 'KZ', '']);
    expect(out[1]!.otherPart).toBe(words);
  });

  it('leaves the order when the other market scores under half the best, or one market is asked', () => {
    const low = [kz(1), general(0.8), uz(0.4)];
    expect(withEachMarketNext(low, ['KZ', 'UZ'], words)).toBe(low);
    const one = [kz(1), general(0.8), uz(0.7)];
    expect(withEachMarketNext(one, ['KZ', 'CN'], words)).toBe(one);
  });

  it('leaves the order when the best sentence is about none of the listed markets', () => {
    const ranked = [general(1), general(0.9), kz(0.85), uz(0.8)];
    expect(withEachMarketNext(ranked, ['KZ', 'UZ'], words)).toBe(ranked);
  });

  it('gives a sentence already second the room of another part, and answers a third market too (a review of trial 31)', () => {
    const second = withEachMarketNext([kz(1), uz(0.6), general(0.5)], ['KZ', 'UZ'], words);
    expect(second[1]!.otherPart).toBe(words);
    const kg = { text: 'Ставка НДС — 12%.', score: 0.55, countries: 'KG' };
    const three = withEachMarketNext([kz(1), general(0.9), general(0.8), uz(0.6), kg], ['KZ', 'UZ', 'KG'], words);
    expect(three.map((c) => c.countries)).toEqual(['KZ', 'UZ', 'KG', '', '']);
  });
});
