// The international conventions exporters ask about by name, besides the transport ones
// (transport-modes.ts): the New York Convention on arbitral awards, the CISG on sales contracts and
// the TIR Convention on customs transit. A follow-up that names another ("and is Kazakhstan a CISG
// party?" after a New York Convention question) replaces the one asked before.
import { namesIncoterms } from './incoterms.js';
import { namedCharges } from './charges.js';
import { LIABILITY_CLAIM } from './regulations.js';
import { namedModes, type TransportMode } from './transport-modes.js';

export type LegalConvention = 'new-york' | 'cisg' | 'tir';

// Global patterns, used only with search() and replace(), which do not keep a match position between calls.
const NAMES: Record<LegalConvention, RegExp> = {
  'new-york': /new[\s-]york(?:\s+convention)?|нью[\s-]?йоркск\S*(?:\s+конвенц\S*)?|纽约公约/giu,
  cisg: /(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{N}])(?:cisg|цисг)(?![\p{Script=Latin}\p{Script=Cyrillic}\p{N}])|vienna(?:\s+sales)?\s+convention|венск\S*\s+конвенц\S*|维也纳(?:销售)?公约|联合国国际货物销售合同公约|销售合同公约/giu,
  tir: /(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{N}])(?:tir|мдп)(?![\p{Script=Latin}\p{Script=Cyrillic}\p{N}])(?:\s+(?:convention|carnets?|конвенц\S*|книжк\S*))?|tir\s*公约|tir\s*证/giu,
};

/** The conventions a text names, each once. */
export function namedConventions(text: string): LegalConvention[] {
  return (Object.keys(NAMES) as LegalConvention[]).filter((c) => text.search(NAMES[c]) >= 0);
}

/** The text without the words that name the given conventions. */
export function withoutConventions(text: string, conventions: readonly string[]): string {
  let out = text;
  for (const c of Object.keys(NAMES) as LegalConvention[])
    if (conventions.includes(c)) out = out.replace(NAMES[c], ' ');
  return out.replace(/\s{2,}/g, ' ').trim();
}

// The carriage conventions by name (transport-modes.ts reads them as a mode; here they name the regime a
// liability question is asked under).
const CARRIAGE: Record<string, RegExp> = {
  smgs: /(?<![\p{Script=Latin}\p{Script=Cyrillic}])(?:smgs|смгс)(?![\p{Script=Latin}\p{Script=Cyrillic}])|国际货协/iu,
  cmr: /(?<![\p{Script=Latin}\p{Script=Cyrillic}])(?:cmr|кдпг|цмр)(?![\p{Script=Latin}\p{Script=Cyrillic}])/iu,
  // The sea conventions (Hague-Visby, Hamburg Rules): a CMR claim question was led by the sea note's "3 days"
  // (trial 18b t18b-08). Hamburg the port is not the Hamburg Rules.
  sea: /hague|visby|hamburg\s+rules|гааг|висби|гамбургск\S*\s+правил|海牙|维斯比|汉堡规则/iu,
};

// China's cross-border e-commerce customs modes by their codes ("我们9610发俄罗斯的小包…退回来了"): the document
// whose title names the code answers, not the destination's parcel rules (trial 14 t14-15).
// Not a quantity that happens to be written the same ("1210 km", "9810 кг", "1210 USD").
const ECOMMERCE_MODE =
  /(?<![\d.,])(9610|9710|9810|1210)(?!\d|[.,]\d)(?!\s*(?:km|км|公里|kg|кг|公斤|t\b|т\b|吨|usd|eur|rub|руб|元|\$|%|％|дн|day|天|年))/giu;

// A text on insuring cargo under a rule ("Cargo insurance under CIF and CIP…", "CIP … what insurance must we buy") is about
// the insurance: the rules' own notes are not its answer.
const INSURANCE = /insur|страх|покрыти|保险|投保|险别|保额|承保|保单|[一切平安水渍]险|\bicc\b/iu;

// Russia's digital marking system by its name ("честный знак для обуви?", "Chestny Znak", "诚信标志"): the notes whose
// titles name it answer which goods it covers, not a note on another rule that mentions marking (the SGR note's food
// labelling led "нужна ли маркировка честный знак для обуви?", the Russian marking note not among the five shown).
// Its inflected name ("Честного знака"), not "честно, знак EAC" or "честные знакомые"; in English by its transliteration or
// as "Honest Sign" written as a name, case and all ("an honest sign of" is not it).
const MARKING_SCHEME: readonly RegExp[] = [
  /(?<![\p{L}])(?:честн(?:ый|ого|ому|ым|ом|ая|ой)\s+знак(?:а|у|ом|е)?(?![\p{L}])|честныйзнак(?!\.рф)|chestn\S*[\s-]*znak)|诚信标[志识]|诚实标[志识]/iu,
  /(?<![\p{L}])Honest\s+Sign(?![\p{L}])/u,
];
// The same, global, for replace(), built once: the lead reads it on every turn that names the scheme.
const MARKING_SCHEME_ALL = MARKING_SCHEME.map((re) => new RegExp(re.source, `${re.flags}g`));
/** The text without the marking scheme's name. */
export const withoutMarkingScheme = (text: string): string =>
  MARKING_SCHEME_ALL.reduce((out, re) => out.replace(re, ' '), text)
    .replace(/\s{2,}/g, ' ')
    .trim();

const SCHEME = 'scheme:';
/** Whether a regime key names a marking scheme: a note about it is not about another product's rule. */
export const isMarkingScheme = (regime: string): boolean => regime.startsWith(SCHEME);

/**
 * The regimes a message asks under: those it names, Russia's marking scheme only when it asks about no other market and no charge
 * ("哈萨克斯坦的服装也要用诚信标志吗" is answered by the Kazakh note's "不用。", which names no regime; trial 18 t18-20).
 */
export function askedRegimes(text: string, markets: readonly string[]): string[] {
  // Nor when it asks a charge: "we already print Chestny Znak codes in China – what import VAT rate applies…?" asks the VAT.
  const aside = markets.some((m) => m !== 'RU') || namedCharges(text).length > 0;
  return namedRegimes(text).filter((r) => !(isMarkingScheme(r) && aside));
}

/** A carrier or what befell the goods: a claim without either is no carrier's liability ("can we claim the export VAT refund
 * for goods shipped by rail…?" is a refund). */
const CARRIER_OR_MISHAP =
  /перевозчик|carrier|承运|пропал|утрат|утер|поврежд|опозда|просрочк|задержк|\blost\b|\bloss\b|damag|stolen|delay|\blate\b|丢|灭失|损坏|延误|晚到|赔多少|怎么赔/iu;

/** The carriage convention of each mode a liability question may name instead of the convention (air has none here). */
const MODE_CONVENTION: Partial<Record<TransportMode, string>> = { rail: 'smgs', road: 'cmr', sea: 'sea' };

/**
 * A question on what a carrier owes that names one mode but no convention asks under that mode's convention: "what if the
 * container gets lost on the railway - how much does the railway pay us?" was led by the CMR note's 8.33 SDR per kilogram
 * (road), beside the SMGS note that says our sources do not give the railway's rule (trial 29 t29-20).
 */
export function carriageAsked(text: string): string[] {
  if (
    !LIABILITY_CLAIM.test(text) ||
    !CARRIER_OR_MISHAP.test(text) ||
    Object.keys(CARRIAGE).some((c) => CARRIAGE[c]!.test(text))
  )
    return [];
  const modes = namedModes(text);
  const convention = modes.length === 1 ? MODE_CONVENTION[modes[0]!] : undefined;
  return convention ? [`${CONVENTION}${convention}`] : [];
}

const CONVENTION = 'convention:';
/** Whether a regime key (a regulation number or a convention) names a convention. */
export const isConvention = (regime: string): boolean => regime.startsWith(CONVENTION);
/** The regime key of the Incoterms rules, named by a rule's code or by name (not in a text on insuring under one). */
export const INCOTERMS_REGIME = `${CONVENTION}incoterms`;
/** Whether a regime key names a carriage convention (CMR, SMGS, the sea rules). */
export const isCarriageConvention = (regime: string): boolean =>
  isConvention(regime) && regime.slice(CONVENTION.length) in CARRIAGE;

/**
 * The conventions a text names, legal and carriage ones, as regime keys ("convention:smgs"), and the
 * e-commerce customs modes ("mode:9610"): a question
 * asked "по СМГС" is answered by the document whose title names SMGS, as one asked under TR CU 008 is by
 * the toys document (lead.ts treats both alike).
 */
export function namedRegimes(text: string): string[] {
  const carriage = Object.keys(CARRIAGE).filter((c) => CARRIAGE[c]!.test(text));
  const terms = namesIncoterms(text) && !INSURANCE.test(text) ? ['incoterms'] : [];
  const modes = [...new Set([...text.matchAll(ECOMMERCE_MODE)].map((m) => `mode:${m[1]}`))];
  const schemes = MARKING_SCHEME.some((re) => re.test(text)) ? [`${SCHEME}chestny-znak`] : [];
  return [...[...namedConventions(text), ...carriage, ...terms].map((c) => `${CONVENTION}${c}`), ...modes, ...schemes];
}
