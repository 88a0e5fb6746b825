import { describe, expect, it } from 'vitest';
import { kindsOf } from './other-kind.js';

const otherProductKind = (question: string, sentence: string) => kindsOf(question).other(sentence);

describe('kindsOf', () => {
  it('marks a sentence on footwear for a question on clothing, and the other way round', () => {
    const pyjamas = 'везем пижамки и боди для малышей 0-2 года в рф, по тр тс 007 какой док нужен?';
    expect(otherProductKind(pyjamas, 'Да, на детскую обувь оформляют сертификат соответствия.')).toBe(true);
    expect(otherProductKind(pyjamas, 'изделия первого слоя для малышей до 3 лет — СГР, затем декларация;')).toBe(false);
    expect(
      otherProductKind('kids sneakers to russia, certificate?', 'First-layer clothing for babies: SGR, then DoC.'),
    ).toBe(true);
    expect(otherProductKind('童鞋出口俄罗斯要什么证', '童鞋须取得合格证书。')).toBe(false);
  });

  it('marks a marking-code sentence for a question on the conformity document, and the other way round (trial 30 t30-06)', () => {
    const gloves = 'need EAC for work gloves and ear muffs going to russia. declaration ok for both?';
    expect(
      otherProductKind(
        gloves,
        "According to a business blog (2026), Russia's Честный ЗНАК marking was extended to workwear and protective gloves.",
      ),
    ).toBe(true);
    expect(
      otherProductKind(
        gloves,
        'Since 27 November 2019 hearing protectors need a certificate instead of a declaration.',
      ),
    ).toBe(false);
    // Both named: the marking system records the conformity document.
    expect(
      otherProductKind(
        gloves,
        'Footwear in the marking system must show the number of its conformity certificate or declaration and its DataMatrix code.',
      ),
    ).toBe(false);
    const codes = 'а Честный знак на детскую одежду нужен?';
    expect(otherProductKind(codes, 'Детская верхняя одежда декларируется так же, как взрослая.')).toBe(true);
    // A customs declaration or a customs status is no conformity document, and "маркировка" in a question asks marking
    // (a review of trial 30's change).
    const codesLine = 'Sneakers must carry Честный ЗНАК marking codes.';
    expect(otherProductKind('what goes in the customs declaration for sneakers to Russia?', codesLine)).toBe(false);
    expect(otherProductKind('我司是海关高级认证企业（AEO），出口俄罗斯鞋子', '鞋子须贴码（诚信标志）。')).toBe(false);
    expect(
      otherProductKind(
        'сертификат или декларация на обувь, и что с маркировкой?',
        'Обувь маркируется кодами Честный ЗНАК.',
      ),
    ).toBe(false);
    // A label's marking and the EAC mark are no marking scheme.
    expect(otherProductKind('нужна ли декларация на куртки?', 'Маркировка на казахском языке обязательна.')).toBe(
      false,
    );
    expect(otherProductKind('declaration ok for gloves?', 'EAC marking goes on the product or its packaging.')).toBe(
      false,
    );
  });

  it('marks a heading on delay for a question on loss, and the other way round (trial 29 t29-20)', () => {
    const lost = 'what if the container gets lost on the railway - how much does the railway pay us?';
    expect(otherProductKind(lost, 'How much does the railway pay if the container arrives late?')).toBe(true);
    expect(otherProductKind(lost, 'What about lost or damaged goods, and how long do I have to claim?')).toBe(false);
    expect(
      otherProductKind(
        'контейнер опоздал на 5 дней, сколько заплатит жд?',
        'Утрата, повреждение груза и сроки претензий: что известно?',
      ),
    ).toBe(true);
    expect(otherProductKind('班列晚到了，铁路赔多少？', '货物灭失、损坏怎么赔？')).toBe(true);
  });

  it('reads no mishap of a question on no cargo or claim, and lets a heading that also names the asked claim answer', () => {
    // "missing" and "late" of a document or a payment are no cargo's mishap (a review of trial 29's change).
    expect(
      otherProductKind('the certificate of origin is missing, what should we do?', 'Customs may delay release.'),
    ).toBe(false);
    expect(otherProductKind('buyer paid late, can we claim damages under CISG?', 'Goods lost in transit.')).toBe(false);
    // The SMGS note gives the claim period under its heading on loss.
    const late = 'train arrived late by 10 days under SMGS, how long do we have to file a claim?';
    expect(otherProductKind(late, 'What about lost or damaged goods, and how long do I have to claim?')).toBe(false);
    expect(otherProductKind(late, 'What about lost or damaged goods?')).toBe(true);
  });

  it("reads a follow-up's mishap from its own words, and its product from the question before it", () => {
    const joined = 'контейнер шел по СМГС и опоздал на неделю, что можно стребовать с жд? а сколько возместят?';
    const heading = 'Утрата и повреждение груза: что известно?';
    expect(kindsOf(joined).other(heading)).toBe(true);
    expect(kindsOf(joined, 'а сколько возместят?').other(heading)).toBe(false);
    const pyjamas = 'пижамки для малышей, какой док? а сколько он действует?';
    expect(kindsOf(pyjamas, 'а сколько он действует?').other('Детская обувь: сертификат.')).toBe(true);
  });

  it('leaves a sentence alone when the question names both kinds or neither', () => {
    expect(otherProductKind('одежда и обувь для детей — что нужно?', 'Детская обувь: сертификат.')).toBe(false);
    expect(otherProductKind('какой НДС на ввоз в Россию?', 'Детская обувь: сертификат.')).toBe(false);
  });
});
