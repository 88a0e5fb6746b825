// The text a candidate sentence of the direct answer (lead.ts) is shown with: without a bare yes or no
// the question did not ask, after the lead-in it belongs to, with the sentence before or after it that it
// leans on, and under a heading that says its rule is not in force.
import type { Lang } from '../domain/lang.js';
import type { LeadPassage } from './lead-types.js';
import type { Unit } from './passage-units.js';
import {
  CONNECTIVE,
  COUNTERFACTUAL,
  EXAMPLE,
  FRAGMENT_ITEM,
  HEDGE,
  POLAR,
  TRAILING_HEDGE,
} from './sentence-patterns.js';

export interface CandidateText {
  /** The sentence, without a yes or no that opens it when the question does not ask what its heading asks. */
  own: string;
  /** `own` after its lead-in, when the lead-in hedges it, is an example's label or the sentence is its fragment. */
  hedged: string;
  /** The text the candidate is shown with. */
  text: string;
  /** Whether `text` opens with the section heading (a rule not in force). */
  counterfactual: boolean;
  /** The section's heading. */
  heading: string;
}

export function candidateText(
  unit: Unit,
  units: readonly Unit[],
  unitIndex: number,
  passage: LeadPassage,
  lang: Lang,
  headingAsked: boolean,
): CandidateText {
  const own =
    unit.verdict && POLAR.test(unit.verdict) && !headingAsked
      ? unit.text.slice(unit.verdict.length).trimStart()
      : unit.text;
  // A list item that is a fragment of its lead-in's sentence ("натуральный мех и кожу, стекло, фарфор;"
  // under "В игрушках для детей до 3 лет нельзя использовать:") says nothing alone: it is shown after
  // its lead-in, as a hedge is (trial 14 t14-01 led with the bare item).
  const fragment = unit.leadIn !== undefined && unit.leadIn.length <= 80 && FRAGMENT_ITEM.test(own);
  // …and so is a worked example's later sentence: "A delay of up to 2 days then costs the railway 6%" read alone
  // is a rule, not the 20-day example it belongs to (trial 19b t19b-16).
  const hedged =
    unit.leadIn && (fragment || HEDGE.test(unit.leadIn) || EXAMPLE.test(unit.leadIn)) ? `${unit.leadIn} ${own}` : own;
  // "On top of that, …", "Кроме того, …", "此外，…" lean on the sentence before them: read together.
  const before = unitIndex > 0 ? units[unitIndex - 1] : undefined;
  const gap = lang === 'zh' ? '' : ' ';
  const after = units[unitIndex + 1];
  const qualified = after && TRAILING_HEDGE.test(after.text) ? `${hedged}${gap}${after.text}` : hedged;
  const read =
    before && CONNECTIVE.test(unit.text) && !/[:：]$/.test(before.text) && before.leadIn === undefined
      ? `${before.text}${gap}${qualified}`
      : qualified;
  // A sentence under a heading that says the rule is suspended or never took effect ("What would the
  // suspended 0.1% rule have required?") states what the rule required: shown alone it reads as in force
  // (trial 17 t17-17 led "…出口须取得商务部许可" for a question whether the licence is still needed).
  const heading = passage.headingPath.at(-1) ?? '';
  const counterfactual = COUNTERFACTUAL.test(heading) && !COUNTERFACTUAL.test(read);
  const text = counterfactual ? `${heading} ${read}` : read;
  return { own, hedged, text, counterfactual, heading };
}
