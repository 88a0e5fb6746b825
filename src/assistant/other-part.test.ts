import { describe, expect, it } from 'vitest';
import { withOtherPartSecond } from './other-part.js';

const c = (text: string, score: number, n = 1, title = '') => ({ n, text, score, headingPath: [title] });

describe('withOtherPartSecond', () => {
  it("moves the best sentence on the message's other question second when it scores close", () => {
    const ranked = [
      c('Customs fees for clearance rose to RUB 73,860.', 1),
      c('The minimum clearance fee is RUB 1,231.', 0.95),
      c('Import VAT is paid at customs at 22%.', 0.9),
    ];
    const out = withOtherPartSecond(
      ranked,
      'what is the import vat rate for clothes in russia? and how much is the customs clearance fee for a big batch?',
      'en',
    );
    expect(out.map((x) => x.score)).toEqual([1, 0.9, 0.95]);
  });

  it('prefers, of those close enough, the first that names the market its question asks and no other (trial 30 t30-09)', () => {
    const question = 'what is the import VAT in Kazakhstan? and how long does customs clearance take at Khorgos?';
    const ranked = [
      c('Customs clearance at Khorgos takes 1–3 days.', 1),
      c('Import VAT at customs is 16%.', 0.95),
      c('Unlike Kazakhstan, Russia charges import VAT at 22%.', 0.9),
      c('In Kazakhstan, import VAT is 16% of the customs value plus duty.', 0.88),
    ];
    expect(withOtherPartSecond(ranked, question, 'en')[1]!.score).toBe(0.88);
    // None names it alone: the first close enough.
    expect(withOtherPartSecond(ranked.slice(0, 3), question, 'en')[1]!.score).toBe(0.95);
  });

  it('leaves one question, and a far runner-up, as ranked', () => {
    const ranked = [
      c('Customs fees for clearance rose to RUB 73,860.', 1),
      c('Import VAT is paid at customs at 22%.', 0.4),
    ];
    expect(
      withOtherPartSecond(
        ranked,
        'what is the import vat rate for clothes in russia? and how much is the clearance fee for a big batch?',
        'en',
      ),
    ).toEqual(ranked);
    expect(withOtherPartSecond([...ranked].reverse(), 'how much is the clearance fee?', 'en')).toEqual(
      [...ranked].reverse(),
    );
  });
});

describe('withOtherPartSecond: a sentence that holds its question', () => {
  const q = 'Какой ввозной НДС в Казахстане? И нужна ли маркировка на казахском языке?';

  it('comes second at half the best score when it holds half its question’s own words, marked to share the room', () => {
    const ranked = [
      c('Основная ставка НДС повышена с 12% до 16%.', 1.3, 1),
      c('Пониженные ставки НДС: лекарства — 5%.', 0.9, 1),
      c('Маркировка на импортных товарах должна быть на казахском и русском языках.', 0.75, 1),
    ];
    const out = withOtherPartSecond(ranked, q, 'ru');
    expect(out.map((x) => x.score)).toEqual([1.3, 0.75, 0.9]);
    expect([...out[1]!.otherPart!]).toContain('казах');
  });

  it('not from another document whose title and heading do not name its question', () => {
    const ranked = [
      c('Основная ставка НДС повышена с 12% до 16%.', 1.3, 1),
      c('Пониженные ставки НДС: лекарства — 5%.', 0.9, 1),
      c('Маркировка на казахском языке нужна для косметики.', 0.75, 2, 'Косметика: состав и сроки'),
    ];
    expect(withOtherPartSecond(ranked, q, 'ru')).toEqual(ranked);
    const titled = [...ranked.slice(0, 2), c(ranked[2]!.text, 0.75, 2, 'Язык маркировки в Казахстане')];
    expect(withOtherPartSecond(titled, q, 'ru').map((x) => x.score)).toEqual([1.3, 0.75, 0.9]);
  });

  it('not below half the best score', () => {
    const ranked = [
      c('Основная ставка НДС повышена с 12% до 16%.', 1.3, 1),
      c('Пониженные ставки НДС: лекарства — 5%.', 0.9, 1),
      c('Маркировка на импортных товарах должна быть на казахском и русском языках.', 0.6, 1),
    ];
    expect(withOtherPartSecond(ranked, q, 'ru')).toEqual(ranked);
  });
});
