// A list whose items are labelled by case ("**Экскаваторы и экскаваторы-погрузчики:** …", "**Ежегодно 1 января…:** … для
// легковых автомобилей…"): when a label names what the question asks about, the items labelled otherwise are about other
// cases. "утильсбор на экскаваторы и бульдозеры из китая, сколько будет расти?" was led by the cars' yearly indexation, whose
// figure the question type favoured (domain a2-10, trial 31 t31-10). lead.ts says which words ask; this reads the labels.
import { tokenize } from '../rag/tokenize.js';
import type { Unit } from './passage-units.js';

export interface CaseLabels {
  /** The item is labelled by another case than the one a sibling's label names, and its text names no asked case either
   * ("…ещё +10–20% для легковых автомобилей…" asked of cars and excavators). */
  otherCase(unit: Unit): boolean;
  /** The head a cut of the item's text keeps: its label with the colon, when the label names the asked case. Cut to its
   * room, the excavators' item lost the word that says whose indexation it is ("…экскаваторов и 2028 года…", t31-10). */
  head(unit: Unit, text: string): string | undefined;
}

/** The labels of one passage's items, read against `asks` (whether a token is a word the question asks about). */
export function caseLabels(units: readonly Unit[], asks: (token: string) => boolean): CaseLabels {
  const asksOf = new Map<string, boolean>();
  const labelAsks = (label: string) => {
    if (!asksOf.has(label)) asksOf.set(label, tokenize(label).some(asks));
    return asksOf.get(label)!;
  };
  const caseAsked = units.some((u) => u.label !== undefined && labelAsks(u.label));
  return {
    otherCase: (unit) =>
      caseAsked && unit.label !== undefined && !labelAsks(unit.label) && !tokenize(unit.text).some(asks),
    head: (unit, text) =>
      unit.label !== undefined &&
      labelAsks(unit.label) &&
      text.startsWith(unit.label) &&
      /^[:：]/u.test(text.slice(unit.label.length))
        ? text.slice(0, unit.label.length + 1)
        : undefined,
  };
}
