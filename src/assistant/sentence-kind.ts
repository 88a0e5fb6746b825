// What a candidate sentence of the direct answer is (lead.ts): whether it holds the kind of answer the
// question asks for, whether it points elsewhere or is a worked example, and how close together the
// question's words sit in it.
import { tokenize } from '../rag/tokenize.js';
import { CROSS_REFERENCE, isPointer } from './pointer-sentences.js';
import { matchKey, type Unit } from './passage-units.js';
import { rolesNamed, sentenceHas, type QuestionType } from './question-type.js';
import { COMPARISON, EXAMPLE, NOT_KNOWN } from './sentence-patterns.js';

/** Whether a sentence holds what the question asks for, beyond the question's own words: a name
 * the question does not contain (who), a number it does not contain (how many), or the figure kinds
 * of question-type.ts. */
export function answersType(type: QuestionType, unit: Unit, qTokens: ReadonlySet<string>): boolean {
  // A role answers "who" when the question does not name it already ("…мы сами на фабрике или импортёр?" is answered by
  // who, not by any sentence that says "импортёр": the Kazakh note's led a question on Честный ЗНАК, trial 16 t16-12).
  if (type === 'who')
    return (
      unit.names.some((keys) => !keys.every((k) => qTokens.has(k))) ||
      rolesNamed(unit.text).some((role) => !tokenize(role).some((t) => qTokens.has(matchKey(t))))
    );
  if (type === 'number')
    return unit.numbers.some((n) => !qTokens.has(n)) || (unit.numbers.length === 0 && sentenceHas(type, unit.text));
  return sentenceHas(type, unit.text);
}

/** What a sentence is, whatever the question: kept with the sentence (units are cached per passage),
 * so the patterns run once per sentence, not once per question (bench:retrieval). */
interface SentenceKind {
  pointer: boolean;
  crossReference: boolean;
  example: boolean;
  comparison: boolean;
  /** The sentence, or its opening verdict, says the figure is not known (sentence-patterns.ts). */
  notKnown: boolean;
}
const kinds = new WeakMap<Unit, SentenceKind>();
export function kindOf(unit: Unit): SentenceKind {
  let kind = kinds.get(unit);
  if (!kind) {
    kind = {
      pointer: isPointer(unit.text),
      crossReference: CROSS_REFERENCE.test(unit.text),
      example: EXAMPLE.test(unit.text) || EXAMPLE.test(unit.leadIn ?? ''),
      comparison: COMPARISON.test(unit.text),
      notKnown: NOT_KNOWN.test(unit.text) || NOT_KNOWN.test(unit.verdict ?? ''),
    };
    kinds.set(unit, kind);
  }
  return kind;
}

/** Proximity: matched question words per token of the span they occupy (1 when adjacent). */
export function proximity(order: readonly string[], wanted: ReadonlySet<string>): number {
  let first = -1;
  let last = -1;
  let count = 0;
  order.forEach((t, i) => {
    if (!wanted.has(t)) return;
    if (first < 0) first = i;
    last = i;
    count++;
  });
  return count < 2 ? 0 : Math.min(1, count / (last - first + 1));
}
