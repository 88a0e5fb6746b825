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

/** The candidates, best first, with the best one on each other listed market moved next, as the answer to another
 * part of the question (compose-lead.ts gives it room beside the best one; its cut keeps `words`), up to `maxSentences`. */
export function withEachMarketNext<C extends Candidate>(
  ranked: readonly C[],
  listed: readonly string[],
  words: ReadonlySet<string>,
  maxSentences = 3,
): ReadonlyArray<C & { otherPart?: ReadonlySet<string> }> {
  const markets = listed.filter((m) => m !== 'CN');
  const top = ranked[0];
  if (markets.length < 2 || !top) return ranked;
  const covered = new Set(about(top).filter((m) => markets.includes(m)));
  if (covered.size === 0) return ranked;
  // One sentence for each market the best one is not about, best first, as the lead's sentences allow.
  const rest: Array<C & { otherPart?: ReadonlySet<string> }> = [...ranked.slice(1)];
  const next: Array<C & { otherPart?: ReadonlySet<string> }> = [];
  for (let slot = 0; slot < maxSentences - 1; slot++) {
    const at = rest.findIndex(
      (c) => c.score >= NEAR * top.score && about(c).some((m) => markets.includes(m) && !covered.has(m)),
    );
    if (at < 0) break;
    const [c] = rest.splice(at, 1);
    for (const m of about(c!)) covered.add(m);
    next.push({ ...c!, otherPart: words });
  }
  return next.length ? [top, ...next, ...rest] : ranked;
}
