// The Incoterms rules a message names ("CIF", "FCA Qingdao", "инкотермс"): a question on one is about
// the rules, whatever places and transport it mentions beside them.

// Latin letters only around a rule's code: in Chinese it stands between Han characters ("可以用CIF吗").
// Codes are capitals, as the rules write them; the few people also type in lower case ("fob price")
// are no English word. DAP before "fertilizer" is diammonium phosphate, a product.
const CODE_SOURCE = String.raw`(?<![A-Za-z])(?:EXW|FCA|FAS|FOB|CFR|CIF|CPT|CIP|DAP(?!\s*(?:fertili[sz]er|удобрен|化肥))|DPU|DDP|[Ee]xw|[Ff]ob|[Cc]if|[Dd]dp|[Ff]ca)(?![A-Za-z])`;
const CODE = new RegExp(CODE_SOURCE, 'gu');
const RULE = new RegExp(`${CODE_SOURCE}|[Ии]нкотермс|ИНКОТЕРМС|[Ii]ncoterms|INCOTERMS|贸易术语`, 'u');

/** Whether a text names an Incoterms rule or the rules themselves. */
export function namesIncoterms(text: string): boolean {
  return RULE.test(text);
}

/** How many times a text names an Incoterms rule or the rules. */
export function incotermsMentions(text: string): number {
  return [...text.matchAll(new RegExp(RULE.source, 'gu'))].length;
}

// The rule a price is quoted on ("wants a CIF price", "цена FOB", "CIF报价") names the terms of sale, not a cost asked
// (trial 19 t19-18 planned a route for "buyer in Almaty wants a CIF price … by rail … any problem with that?" and
// led with a worked example's USD 110,000 as the amount asked). The other order too: "customer ask price CIF Almaty. is
// CIF ok for train?" (trial 25 t25-03).
const PRICE_BASIS =
  /\b(?:exw|fca|fas|fob|cfr|cif|cpt|cip|dap|dpu|ddp)\s+(?:price|prices|quote|quotation|basis|terms)\b|(?:цен\S*|котировк\S*|услови\S*|price|prices|quote|quotation|terms)\s+(?:exw|fca|fas|fob|cfr|cif|cpt|cip|dap|dpu|ddp)\b|(?:价格|报价)\s*(?:exw|fca|fas|fob|cfr|cif|cpt|cip|dap|dpu|ddp)|(?:exw|fca|fas|fob|cfr|cif|cpt|cip|dap|dpu|ddp)\s*(?:价格|报价|价)/giu;

/** The text without a price's basis ("a CIF price" → " "): what is left asks a cost or not. */
export function withoutPriceBasis(text: string): string {
  return text.replace(PRICE_BASIS, ' ');
}

/** Words the documents on the rules use, added to the search of a question that names one. */
export const INCOTERMS_WORDS = ['Incoterms 2020', 'Инкотермс 2020', '国际贸易术语 2020'];

/** The rules a text names by their codes, in capitals ("and if we switch to CIP?" → ["CIP"]). */
export function namedIncoterms(text: string): string[] {
  return [...new Set([...text.matchAll(CODE)].map((m) => m[0].toUpperCase()))];
}

/** The text without the named rules' codes: a follow-up that names another rule replaces them. */
export function withoutIncoterms(text: string, codes: readonly string[]): string {
  if (codes.length === 0) return text;
  return text.replace(CODE, (code) => (codes.includes(code.toUpperCase()) ? ' ' : code));
}
