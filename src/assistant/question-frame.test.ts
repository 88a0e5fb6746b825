import { describe, expect, it } from 'vitest';
import { withoutComparison, withoutFrame, withoutOrigin } from './question-frame.js';

describe('withoutComparison', () => {
  it('drops a comparison with another market beside the one asked, in each language', () => {
    expect(withoutComparison('certificate under the China-EAEU agreement, like Form P for Pakistan? for Almaty')).toBe(
      'certificate under the China-EAEU agreement,  ? for Almaty',
    );
    expect(withoutComparison('哈萨克斯坦也像俄罗斯那样要贴码吗', 'zh')).toBe('哈萨克斯坦也 要贴码吗');
    expect(withoutComparison('нужен ли сертификат в Казахстане по аналогии с Россией?', 'ru')).toBe(
      'нужен ли сертификат в Казахстане  ?',
    );
  });

  it('keeps an example of the subject, the verb "like" and a comparison that is all the question names', () => {
    for (const q of [
      'and special machinery like excavators?',
      "I'd like advice from a real lawyer on whether our deal breaks EU sanctions",
      'do they take EAC like russia?',
    ])
      expect(withoutComparison(q)).toBe(q);
  });
});

describe('withoutFrame: the unit a price question prices', () => {
  it('drops "один" after "сколько" and "по деньгам", keeps it elsewhere', () => {
    expect(withoutFrame('а по деньгам сколько один код', 'ru').split(/\s+/).filter(Boolean)).toEqual([
      'а',
      'сколько',
      'код',
    ]);
    expect(withoutFrame('поезд меняет колею один раз', 'ru')).toContain('один');
  });
});

describe('withoutOrigin', () => {
  it('drops where the goods come from', () => {
    expect(withoutOrigin('фольгу из КНР в РФ', 'ru')).toBe('фольгу   в РФ');
    expect(withoutOrigin('foil from China to Almaty', 'en')).toBe('foil   to Almaty');
    expect(withoutOrigin('从中国出口到俄罗斯', 'zh')).toBe(' 出口到俄罗斯');
    // Not a word that begins with the same letters.
    expect(withoutOrigin('из Китайгорода', 'ru')).toBe('из Китайгорода');
  });
});
