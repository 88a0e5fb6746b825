// Chinese is matched by character bigrams (tokenize.ts), which miss a question that words the same
// thing with other neighbours ("带领…擒杀" against "以 11 分领先于全队", "多少国家" against "九个国家").
// Single characters shared with the question, each weighted by its rarity among the candidate
// sentences (a "的" every sentence holds weighs nothing), give the lead a second, softer match.
import type { Unit } from './passage-units.js';

export type HanWeights = ReadonlyMap<string, number>;

// Particles and the modal 能 frame a question ("…能直接用吗"); a sentence that writes them says nothing of its
// subject (a food-label line led a fridge question through 能, 有 and 用; dropping 的了吗呢吧啊能 gained one
// domain answer and left xquad zh at .822 — 有, 用, 要, 可以 as well lost xquad questions).
const FUNCTION_CHARS = new Set('的了吗呢吧啊能');

/** The question's Chinese characters, weighted by how few of the candidate sentences hold them. */
export function hanWeights(question: string, candidates: Iterable<Unit>): HanWeights {
  const chars = new Set((question.match(/\p{Script=Han}/gu) ?? []).filter((c) => !FUNCTION_CHARS.has(c)));
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
