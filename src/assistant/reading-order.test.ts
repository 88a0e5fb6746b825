import { describe, expect, it } from 'vitest';
import { inReadingOrder } from './reading-order.js';

const s = (text: string, unit: number, opts: { key?: string; shown?: string; before?: boolean } = {}) => ({
  passageKey: opts.key ?? 'p1',
  text,
  shown: opts.shown ?? text,
  unit,
  before: opts.before ?? false,
});
type S = ReturnType<typeof s>;
const order = (chosen: S[]) =>
  inReadingOrder(
    chosen,
    (c) => c.unit,
    (c) => c.before,
  ).map((c) => c.text);

describe('inReadingOrder', () => {
  it('reads a sentence that goes on from the one just before it after that one (trial 31 t31-12)', () => {
    expect(
      order([s('The EUR 200 limit would then matter only for duty.', 3), s('Not yet law. A draft would…', 2)]),
    ).toEqual(['Not yet law. A draft would…', 'The EUR 200 limit would then matter only for duty.']);
  });

  it('keeps the best sentence first when the one before it in the passage is not the one just before, or is cut', () => {
    const far = [s('This rule does not cover the older SGRs.', 5), s('SGRs issued before then stay valid.', 2)];
    expect(order(far)).toEqual(far.map((c) => c.text));
    const cut = [s('It can be on the item.', 3), s('The label must be truthful.', 2, { shown: '…must be truthful.' })];
    expect(order(cut)).toEqual(cut.map((c) => c.text));
    const plain = [s('Только сертификат.', 0), s('Каждая игрушка…', 1, { key: 'p2' })];
    expect(order(plain)).toEqual(plain.map((c) => c.text));
  });

  it('answers the question asked first first, unless its cut opens mid-sentence (t14-01)', () => {
    expect(
      order([s('В игрушках до 3 лет нельзя…', 4), s('Только сертификат.', 0, { key: 'p2', before: true })]),
    ).toEqual(['Только сертификат.', 'В игрушках до 3 лет нельзя…']);
    const fragment = [
      s('Best.', 0),
      s('…the deductive method.', 2, { key: 'p2', before: true, shown: '…the deductive method.' }),
    ];
    expect(order(fragment)).toEqual(fragment.map((c) => c.text));
  });
});
