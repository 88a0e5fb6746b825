import { describe, expect, it } from 'vitest';
import { groupQuestions } from './question-groups.js';

const at = (day: number) => new Date(Date.UTC(2026, 10, day));

describe('groupQuestions', () => {
  it('puts similar wording in one group, newest as its label, and keeps unrelated questions apart', () => {
    const groups = groupQuestions([
      { question: 'Is EAC needed for a water pump?', lang: 'en', at: at(1), reason: 'weak' },
      { question: 'Do water pumps need the EAC mark?', lang: 'en', at: at(3), reason: 'marked' },
      { question: 'Нужен ли EAC для насоса?', lang: 'ru', at: at(2), reason: 'weak' },
      { question: 'Нужна ли маркировка EAC на насосы?', lang: 'ru', at: at(4), reason: 'weak' },
      { question: 'How long does gauge change take at Dostyk?', lang: 'en', at: at(5), reason: 'weak' },
    ]);
    const pumps = groups.find((g) => g.label === 'Do water pumps need the EAC mark?')!;
    expect(pumps).toMatchObject({ count: 2, langs: { en: 2 }, reasons: { weak: 1, marked: 1 }, latest: at(3) });
    expect(pumps.examples).toEqual(['Do water pumps need the EAC mark?', 'Is EAC needed for a water pump?']);
    expect(groups.find((g) => g.label === 'Нужна ли маркировка EAC на насосы?')?.count).toBe(2);
    expect(groups.find((g) => g.label.includes('gauge'))?.count).toBe(1);
    expect(groups).toHaveLength(3);
  });
});
