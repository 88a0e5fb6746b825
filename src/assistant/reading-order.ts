// The order a lead's sentences are read in: as composed (best first), but a sentence that goes on from the one just
// before it in its passage is read after that one, and two questions are answered in the order they were asked.
// lead.ts chooses the sentences; this only orders them.
import { POINTS_BACK } from './sentence-patterns.js';

/** A sentence that goes on from the one before it ("The EUR 200 limit would then…", "Этот порог…", "该门槛…"), by its
 * opening words (this many characters): "…for a second language is needed there" further on says nothing of order. */
const OPENS = 30;
const FOLLOWS_ON = new RegExp(`${POINTS_BACK.source}|\\bthen\\b|(?<![\\p{L}])тогда(?![\\p{L}])|届时|此时`, 'iu');

export interface OrderedSentence {
  passageKey: string;
  text: string;
  /** As shown, cut to its room ("…" where cut). */
  shown: string;
}

/**
 * The chosen sentences in reading order. `unitOf` gives a sentence's place in its passage (-1 when unknown);
 * `askedBefore` whether it answers a question the message asked before the best sentence's (other-part.ts).
 */
export function inReadingOrder<S extends OrderedSentence>(
  chosen: readonly S[],
  unitOf: (s: S) => number,
  askedBefore: (s: S) => boolean,
): S[] {
  const inOrder = [...chosen];
  // "The EUR 200 limit would then matter only for duty." came before the draft it follows from (trial 31 t31-12). Only such
  // a sentence, and only after the sentence it goes on from, shown from its start: the best answer stays first otherwise,
  // wherever its passage has it.
  const first = inOrder[0];
  const source =
    first && FOLLOWS_ON.test(first.text.slice(0, OPENS))
      ? inOrder.findIndex(
          (c, i) =>
            i > 0 &&
            c.passageKey === first.passageKey &&
            unitOf(c) >= 0 &&
            unitOf(c) === unitOf(first) - 1 &&
            !c.shown.startsWith('…'),
        )
      : -1;
  if (source > 0) inOrder.unshift(...inOrder.splice(source, 1));
  // "Хватит декларации или нужен сертификат? и можно ли погремушку с натуральным мехом делать?" opened with the fur rule
  // and said "Только сертификат." second (t14-01). Not a cut that opens mid-sentence ("…transaction value of similar goods;
  // …"): a lead does not begin with a fragment.
  const asked1 = inOrder.findIndex((c, i) => i > 0 && askedBefore(c));
  if (asked1 > 0 && source <= 0 && !inOrder[asked1]!.shown.startsWith('…'))
    inOrder.unshift(...inOrder.splice(asked1, 1));
  return inOrder;
}
