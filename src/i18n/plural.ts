// Counts with the word in the right form, through Intl.PluralRules: "1 год", "2 года", "5 лет";
// "1 year", "3 years"; Chinese has one form. A range agrees as the language wants ("21–23 дня").
import type { Lang } from '../domain/lang.js';

/** The word in each plural category the language uses; `other` is required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Lang, Intl.PluralRules>();
function rulesFor(lang: Lang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/** The word alone, in the form that goes with `n`. */
export function pluralWord(lang: Lang, n: number, forms: PluralForms): string {
  return forms[rulesFor(lang).select(n)] ?? forms.other;
}

/** "5 лет", "1 year", "3 年". */
export function plural(lang: Lang, n: number, forms: PluralForms): string {
  return `${n} ${pluralWord(lang, n, forms)}`;
}

/** "21–23 дня", "1–2 days"; one number when both ends are equal. */
export function pluralRange(lang: Lang, min: number, max: number, forms: PluralForms): string {
  if (min === max) return plural(lang, max, forms);
  // In Node since 19; TypeScript's ES2023 lib does not declare it yet.
  const r = rulesFor(lang) as Intl.PluralRules & { selectRange(a: number, b: number): Intl.LDMLPluralRule };
  const category = r.selectRange(min, max);
  return `${min}–${max} ${forms[category] ?? forms.other}`;
}
