// A question asked of a list of markets ("а если такую же машину в Казахстан и Узбекистан — там какой ндс?", "НДС в
// Казахстане и Узбекистане?") is answered for each: the best sentence led with two lines of the Kazakh note, and the Uzbek
// rate was left out (trial 31 t31-07). The best sentence on a market the lead's first sentence is not about comes second
// when it scores at least half as well.
import { sentenceMarkets } from '../domain/markets.js';

/** How close the other market's best sentence must score to the best one's. */
const NEAR = 0.5;

interface Candidate {
  text: string;
  score: number;
  /** The countries of the sentence's document, comma-joined (lead.ts). */
  countries?: string;
}

/** The markets a sentence is about: its document's, for a note on one or two markets, and those it names. */
function about(c: Candidate): string[] {
  const doc = (c.countries ?? '').split(',').filter(Boolean);
  return [...(doc.length <= 2 ? doc : []), ...sentenceMarkets(c.text)];
}

/** The candidates, best first, with the best one on another of the listed markets moved second, as the answer to another
 * part of the question (compose-lead.ts gives it room beside the best one; its cut keeps `words`). */
export function withEachMarketNext<C extends Candidate>(
  ranked: readonly C[],
  listed: readonly string[],
  words: ReadonlySet<string>,
): ReadonlyArray<C & { otherPart?: ReadonlySet<string> }> {
  const markets = listed.filter((m) => m !== 'CN');
  const top = ranked[0];
  if (markets.length < 2 || !top) return ranked;
  const covered = new Set(about(top).filter((m) => markets.includes(m)));
  if (covered.size === 0) return ranked;
  const at = ranked.findIndex(
    (c, i) => i > 0 && c.score >= NEAR * top.score && about(c).some((m) => markets.includes(m) && !covered.has(m)),
  );
  if (at <= 1) return ranked;
  const next = { ...ranked[at]!, otherPart: words };
  return [top, next, ...ranked.filter((_, i) => i !== 0 && i !== at)];
}
