import { describe, expect, it } from 'vitest';
import { CONFORMITY, OTHER_SUBJECT, askedRegulations } from './regulations.js';

describe('conformity and other subjects', () => {
  it('reads a conformity question in each script, a regulation named in Cyrillic too', () => {
    // A backspace character had taken the place of a word boundary before "тр": "ТР ТС" never matched.
    for (const q of ['нужен ли ТР ТС 017?', 'ТР ЕАЭС 037', 'EAC certificate?', 'TR CU 004', '要做认证吗', 'декларация'])
      expect(CONFORMITY.test(q), q).toBe(true);
    expect(CONFORMITY.test('в третьих странах')).toBe(false);
  });

  it('tells a question on a refund, a payment or freight from one on the product’s rules', () => {
    expect(OTHER_SUBJECT.test('出口退税率怎么查？我们是做机械配件的')).toBe(true);
    expect(OTHER_SUBJECT.test('нужен ли сертификат на станки')).toBe(false);
  });

  it('reads a regulation named by its acronym beside Chinese or Cyrillic, not inside a word', () => {
    expect(askedRegulations('那RoHS呢')).toEqual(['037']);
    expect(askedRegulations('а по ЭМС?')).toEqual(['020']);
    expect(askedRegulations('电饭煲EMC要做吗')).toEqual(['020']);
    expect(askedRegulations('remcos lamps')).toEqual([]);
  });
});
