import { describe, expect, it } from 'vitest';
import { caseLabels } from './case-labels.js';
import { unitsOf } from './passage-units.js';

const passage = {
  key: 'recycling-fee#growth',
  headingPath: ['Утильсбор', 'Как быстро растёт утильсбор?'],
  text: [
    '- **Ежегодно 1 января до 2030 года:** ещё +10–20% для легковых автомобилей и грузовиков.',
    '- **Дорожно-строительная техника:** +15% в год с 01.01.2025.',
    '- **Экскаваторы и экскаваторы-погрузчики:** индексация не ранее 2026 года.',
  ].join('\n'),
};
const { units } = unitsOf(passage);
const asking = (...words: string[]) => caseLabels(units, (t) => words.some((w) => t.startsWith(w)));

describe('caseLabels', () => {
  it('puts the items labelled by other cases after the one whose label names the asked case (domain a2-10)', () => {
    const cases = asking('экскав');
    expect(units.map((u) => cases.otherCase(u))).toEqual([true, true, false]);
    expect(cases.head(units[2]!, units[2]!.text)).toBe('Экскаваторы и экскаваторы-погрузчики:');
    expect(cases.head(units[0]!, units[0]!.text)).toBeUndefined();
  });

  it('keeps an item whose text names an asked case, and every item when no label names one', () => {
    expect(units.map((u) => asking('экскав', 'легков').otherCase(u))).toEqual([false, true, false]);
    expect(units.map((u) => asking('самолет').otherCase(u))).toEqual([false, false, false]);
  });
});
