// A message that asks two things ("какой ввозной ндс…? и сколько таможня берет сбор…?") was answered in one: the
// sentences on the customs fee held the lead's room, the 22% VAT line came fourth (trial 20b t20b-04). The best
// sentence on another of its questions comes second when it scores close to the best.
import type { Lang } from '../domain/lang.js';
import { tokenize } from '../rag/tokenize.js';
import { matchKey } from './passage-units.js';
import { questionParts } from './question-parts.js';
import { withoutFrame } from './question-frame.js';

/** How close: 0.85 changed no domain, xquad or follow-up figure; 0.5–0.7 cost one or two domain answers. */
const CLOSE = 0.85;

/** The candidates, best first, with the best one on another question of the message moved second. */
export function withOtherPartSecond<C extends { text: string; score: number }>(
  ranked: readonly C[],
  question: string,
  lang: Lang,
): readonly C[] {
  const parts = questionParts(question).map((p) => new Set(tokenize(withoutFrame(p, lang)).map(matchKey)));
  const top = ranked[0];
  if (parts.length < 2 || !top) return ranked;
  // The question a sentence answers: the one whose words it holds most of (none when it holds none).
  const partOf = (text: string) => {
    const keys = new Set(tokenize(text).map(matchKey));
    const held = parts.map((words) => [...words].filter((w) => keys.has(w)).length);
    const most = Math.max(...held);
    return most === 0 ? -1 : held.indexOf(most);
  };
  const topPart = partOf(top.text);
  const at = ranked.findIndex((c, i) => {
    if (i === 0 || c.score < CLOSE * top.score) return false;
    const part = partOf(c.text);
    return part >= 0 && part !== topPart;
  });
  return at > 1 ? [top, ranked[at]!, ...ranked.filter((_, i) => i !== 0 && i !== at)] : ranked;
}
