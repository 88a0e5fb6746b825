import { describe, expect, it } from 'vitest';
import { scoreSections, sectionTokens, type SectionTokens } from './section-ranker.js';
import { tokenize } from './tokenize.js';

const section = (heading: string, body: string, global = 0): SectionTokens =>
  sectionTokens(tokenize(body), tokenize(heading), global);
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
});
