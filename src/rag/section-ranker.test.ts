import { describe, expect, it } from 'vitest';
import {
  asksDefinition,
  asksReferral,
  isDefinitionHeading,
  isReferralHeading,
  scoreSections,
  sectionTokens,
  type SectionTokens,
} from './section-ranker.js';
import { tokenize } from './tokenize.js';

const section = (heading: string, body: string, global = 0): SectionTokens =>
  sectionTokens(tokenize(body), tokenize(heading), global, isDefinitionHeading(heading));
const best = (scores: number[]) => scores.indexOf(Math.max(...scores));

describe('ranking the sections of one document for a question', () => {
  // A footwear regulation: its name is in every section, so it decides nothing between them.
  const doc = [
    section(
      'What is TR CU 017?',
      'TR CU 017/2011 covers light industry products: footwear, clothing, textiles. TR CU 017 footwear rules apply to footwear for adults.',
      9,
    ),
    section(
      'How long is a certificate valid?',
      'A TR CU 017 certificate for serial production of footwear is issued for up to 5 years; a batch certificate has no expiry.',
      4,
    ),
    section('Who applies?', 'The applicant for TR CU 017 footwear must be registered in a Union member state.', 1),
  ];

  it('prefers the section whose heading asks what the question asks over the one the whole corpus ranks first', () => {
    const q = tokenize('TR CU 017 footwear: how long is the certificate valid?');
    expect(best(scoreSections(q, doc))).toBe(1);
  });

  it('weighs a word by how few sections hold it: a word in every section adds nothing', () => {
    const everywhere = [section('A', 'customs customs declaration', 0), section('B', 'customs tariff', 0)];
    const scores = scoreSections(tokenize('customs tariff'), everywhere);
    expect(best(scores)).toBe(1);
    // "customs" is in both sections: the first scores only through it, almost nothing.
    expect(scores[0]!).toBeLessThan(scores[1]! / 3);
  });

  it('keeps the corpus-wide score as a prior between sections the question matches alike', () => {
    const alike = [section('Rates', 'the rate is 12%', 1), section('Rates', 'the rate is 12%', 5)];
    expect(best(scoreSections(tokenize('rate'), alike))).toBe(1);
  });

  it('gives nothing to a section that shares no word with the question, and handles an empty document', () => {
    expect(scoreSections(tokenize('pallets'), [section('A', 'customs')])).toEqual([0]);
    expect(scoreSections(tokenize('pallets'), [])).toEqual([]);
  });

  // The machinery regulation's opening section names packing machines, certificates and declarations
  // alike; the section on the form answers "certificate or declaration?".
  const machinery = [
    section(
      'Что такое ТР ТС 010/2011?',
      'ТР ТС 010/2011 «О безопасности машин и оборудования» принят в 2011 году; он охватывает машины, в том числе фасовочные и упаковочные линии пищевых производств.',
      5,
    ),
    section(
      'Сертификат или декларация?',
      'Сертификат нужен для машин из перечня; для остальных хватит декларации о соответствии.',
      2,
    ),
  ];

  it('ranks the section that says what the subject is below the one that answers, unless the question asks what it is', () => {
    const form = 'на фасовочно-упаковочную машину для пищевки нужен сертификат или хватит декларации ТР ТС?';
    expect(asksDefinition(form)).toBe(false);
    expect(best(scoreSections(tokenize(form), machinery, asksDefinition(form)))).toBe(1);
    const what = 'что такое ТР ТС 010/2011 и какие машины он охватывает?';
    expect(asksDefinition(what)).toBe(true);
    expect(best(scoreSections(tokenize(what), machinery, asksDefinition(what)))).toBe(0);
    expect(
      ['What is the Middle Corridor?', 'TR CU 004/2011 是什么？', 'Что такое AEO (УЭО) в Китае?'].map(
        isDefinitionHeading,
      ),
    ).toEqual([true, true, true]);
    expect(isDefinitionHeading('Which risks are covered?')).toBe(false);
  });

  it('ranks a section on when to ask a professional below the others, unless the question asks whom to turn to', () => {
    const referral = (heading: string, body: string): SectionTokens => ({
      ...section(heading, body),
      referral: isReferralHeading(heading),
    });
    const fee = [
      referral(
        'When to ask a professional',
        'Calculating the recycling fee for a machine or disputing its category needs a customs broker or a lawyer.',
      ),
      referral('How fast is the recycling fee rising?', 'Road-building machinery: the recycling fee rises 15% a year.'),
    ];
    const q = 'broker says we need to pay the recycling fee for bulldozers. is it going up?';
    expect(asksReferral(q)).toBe(false);
    expect(best(scoreSections(tokenize(q), fee, false, asksReferral(q)))).toBe(1);
    const who = 'which lawyer or broker can help us dispute the recycling fee category?';
    expect(asksReferral(who)).toBe(true);
    expect(best(scoreSections(tokenize(who), fee, false, asksReferral(who)))).toBe(0);
    expect(['Когда обратиться к специалисту', '何时咨询专业人士', 'Whom to ask?'].map(isReferralHeading)).toEqual([
      true,
      true,
      true,
    ]);
  });
});
