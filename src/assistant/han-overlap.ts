// Chinese is matched by character bigrams (tokenize.ts), which miss a question that words the same
// thing with other neighbours ("带领…擒杀" against "以 11 分领先于全队", "多少国家" against "九个国家").
// Single characters shared with the question, each weighted by its rarity among the candidate
// sentences (a "的" every sentence holds weighs nothing), give the lead a second, softer match.
import type { Unit } from './passage-units.js';

export type HanWeights = ReadonlyMap<string, number>;

/** The question's Chinese characters, weighted by how few of the candidate sentences hold them. */
export function hanWeights(question: string, candidates: Iterable<Unit>): HanWeights {
  const chars = new Set(question.match(/\p{Script=Han}/gu) ?? []);
  const weights = new Map<string, number>();
  if (chars.size === 0) return weights;
  let units = 0;
  const df = new Map<string, number>();
  for (const unit of candidates) {
    units++;
    for (const c of chars) if (unit.han.has(c)) df.set(c, (df.get(c) ?? 0) + 1);
  }
  for (const c of chars) weights.set(c, Math.log(1 + units / ((df.get(c) ?? 0) + 0.5)));
  return weights;
}

/** Share of the question's character weight a sentence holds, 0–1. `given`: characters the sentence
 * is credited with though it does not write them (the asked market's name, in that market's own note). */
export function hanShare(weights: HanWeights, unit: Unit, given?: ReadonlySet<string>): number {
  let total = 0;
  let matched = 0;
  for (const [c, w] of weights) {
    total += w;
    if (unit.han.has(c) || given?.has(c)) matched += w;
  }
  return total > 0 ? matched / total : 0;
}
