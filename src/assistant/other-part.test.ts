import { describe, expect, it } from 'vitest';
import { withOtherPartSecond } from './other-part.js';

const c = (text: string, score: number) => ({ text, score });

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

  it('leaves one question, and a far runner-up, as ranked', () => {
    const ranked = [
      c('Customs fees for clearance rose to RUB 73,860.', 1),
      c('Import VAT is paid at customs at 22%.', 0.5),
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
