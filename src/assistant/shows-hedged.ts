// Whether a lead's cut of a unit shows a sentence the unit marks unverified (lead.ts keeps such a sentence only with its
// hedge).
import { splitSentences } from '../rag/split-text.js';
import { UNVERIFIED } from './sentence-patterns.js';

/** Whether a cut shows part of a sentence its unit marks unverified: a unit of two sentences ("…повысил основную ставку НДС с
 * 12% до 16%. Соответственно, ввозной НДС … тоже должен составлять 16% — это вывод …, отдельно не подтверждённый.") may be cut
 * to the first, which its hedge does not qualify. Each piece of the cut is looked for in the text. */
export function showsHedged(text: string, shown: string): boolean {
  const pieces = shown
    .split('…')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  let from = 0;
  const spans = pieces.flatMap((p) => {
    const at = text.indexOf(p, from);
    if (at < 0) return [];
    from = at + p.length;
    return [[at, at + p.length] as const];
  });
  // A cut that cannot be placed is taken to show the hedged part.
  if (spans.length < pieces.length) return true;
  let start = 0;
  for (const sentence of splitSentences(text)) {
    const at = text.indexOf(sentence, start);
    if (at < 0) continue;
    start = at + sentence.length;
    if (UNVERIFIED.test(sentence) && spans.some(([a, b]) => a < at + sentence.length && b > at)) return true;
  }
  return false;
}
