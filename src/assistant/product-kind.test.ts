import { describe, expect, it } from 'vitest';
import { otherKindOf } from './product-kind.js';

const otherProductKind = (question: string, sentence: string) => otherKindOf(question)(sentence);

describe('otherKindOf', () => {
  it('marks a sentence on footwear for a question on clothing, and the other way round', () => {
    const pyjamas = 'везем пижамки и боди для малышей 0-2 года в рф, по тр тс 007 какой док нужен?';
    expect(otherProductKind(pyjamas, 'Да, на детскую обувь оформляют сертификат соответствия.')).toBe(true);
    expect(otherProductKind(pyjamas, 'изделия первого слоя для малышей до 3 лет — СГР, затем декларация;')).toBe(false);
    expect(
      otherProductKind('kids sneakers to russia, certificate?', 'First-layer clothing for babies: SGR, then DoC.'),
    ).toBe(true);
    expect(otherProductKind('童鞋出口俄罗斯要什么证', '童鞋须取得合格证书。')).toBe(false);
  });

  it('leaves a sentence alone when the question names both kinds or neither', () => {
    expect(otherProductKind('одежда и обувь для детей — что нужно?', 'Детская обувь: сертификат.')).toBe(false);
    expect(otherProductKind('какой НДС на ввоз в Россию?', 'Детская обувь: сертификат.')).toBe(false);
  });
});
