import { describe, expect, it } from 'vitest';
import { diffSections, figuresAndDates, sectionsOf } from './document-diff.js';

describe('document diff', () => {
  it('reads dates as dates and the rest as figures, in three languages', () => {
    expect(figuresAndDates('С 1 марта 2027 г. ставка 22% вместо 20%, сбор 0,60 руб.')).toEqual({
      dates: ['1 марта 2027 г.'],
      figures: ['22%', '20%', '0,60'],
    });
    expect(figuresAndDates('From 1 Jan 2026 the rate is 22 %; review 2026-12-31.').dates).toEqual([
      '2026-12-31',
      '1 Jan 2026',
    ]);
    expect(figuresAndDates('自2026年1月1日起税率为22%').dates).toEqual(['2026年1月1日']);
  });

  it('names the changed section, its new and dropped figures, and quotes the new sentence', () => {
    const before = sectionsOf([
      { headingPath: ['Title', 'VAT'], text: 'The rate is 20%. It applies to imports.' },
      { headingPath: ['Title', 'Who pays'], text: 'The importer pays.' },
      { headingPath: ['Title', 'Old part'], text: 'Gone soon.' },
    ]);
    const after = sectionsOf([
      { headingPath: ['Title', 'VAT'], text: 'The rate is 22% from 1 Jan 2026. It applies to imports.' },
      { headingPath: ['Title', 'Who pays'], text: 'The importer pays.' },
    ]);
    expect(diffSections(before, after)).toEqual([
      {
        heading: 'VAT',
        kind: 'changed',
        figures: { added: ['22%'], removed: ['20%'] },
        dates: { added: ['1 Jan 2026'], removed: [] },
        excerpt: 'The rate is 22% from 1 Jan 2026.',
      },
      {
        heading: 'Old part',
        kind: 'removed',
        figures: { added: [], removed: [] },
        dates: { added: [], removed: [] },
        excerpt: '',
      },
    ]);
  });

  it('finds nothing when only the whitespace moved', () => {
    const s = [{ headingPath: ['T', 'A'], text: 'Same  text.\nAgain.' }];
    expect(diffSections(sectionsOf(s), sectionsOf([{ headingPath: ['T', 'A'], text: 'Same text. Again.' }]))).toEqual(
      [],
    );
  });
});
