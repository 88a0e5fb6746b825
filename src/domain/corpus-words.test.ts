import { describe, expect, it } from 'vitest';
import { withCorpusWords } from './corpus-words.js';

describe('withCorpusWords', () => {
  it("adds the documents' word after the everyday name of the goods", () => {
    expect(withCorpusWords("men's sneakers + kids school shoes to KZ")).toBe(
      "men's sneakers footwear + kids school shoes to KZ",
    );
    expect(withCorpusWords('кроссовки в Казахстан')).toBe('кроссовки обувь в Казахстан');
    expect(withCorpusWords('运动鞋出口俄罗斯')).toBe('运动鞋 鞋类出口俄罗斯');
    expect(withCorpusWords('надо ставить контракт на учет в банке')).toBe(
      'надо ставить контракт на учет регистрировать в банке',
    );
  });

  it('leaves a message that already uses the word, or names no such goods, as it is', () => {
    expect(withCorpusWords('children’s footwear and shoes')).toBe('children’s footwear and shoes');
    expect(withCorpusWords('детская обувь и кроссовки')).toBe('детская обувь и кроссовки');
    expect(withCorpusWords('LED panels to Russia')).toBe('LED panels to Russia');
  });
});
