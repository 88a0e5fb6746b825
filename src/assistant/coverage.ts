// Coverage honesty: a question that names a technical regulation or a product group no document is
// about gets told so plainly, before the nearest passages, instead of five unrelated passages
// presented as an answer. "About" means a document title or section heading names it: a passing
// mention ("medical devices are outside TR CU 007") does not make a document about medical devices.
import type { Lang } from '../domain/lang.js';
import { EAEU_MEMBERS, marketName } from '../domain/markets.js';
import type { ProductGroup } from '../domain/product-groups.js';
import { namedRegulations } from '../domain/regulations.js';
import { namedRegimes } from '../domain/legal-conventions.js';

export interface CoverageGap {
  kind: 'regulation' | 'product' | 'market';
  /** How the topic is named to the user, in their language. */
  label: string;
}

const REGULATION_NAME: Record<Lang, (n: string, year: string | undefined) => string> = {
  ru: (n, y) => `ТР ${y && Number(y) >= 2015 ? 'ЕАЭС' : 'ТС'} ${n}${y ? `/${y}` : ''}`,
  zh: (n, y) => `技术法规 TR ${y && Number(y) >= 2015 ? 'EAEU' : 'CU'} ${n}${y ? `/${y}` : ''}`,
  en: (n, y) => `TR ${y && Number(y) >= 2015 ? 'EAEU' : 'CU'} ${n}${y ? `/${y}` : ''}`,
};

/** A question on import duties: a rail or freight "тариф" is a price, not a duty. */
const IMPORT_CHARGE =
  /пошлин|таможенн\S*\s+тариф|ввозн\S*\s+налог|\btariffs?\b(?!\s+(?:for|of|on)\s+(?:rail|freight|transport|shipping))|import\s+(?:dut|tax)|customs\s+dut|\bdut(?:y|ies)\b|关税|进口税|加征/iu;
/** Importing markets the knowledge base names only as the source of sanctions or as a rail terminus:
 * their duties have no document ("какие пошлины сейчас в США на китайские станки?" got the Busan
 * export-control truce and a Belarus note: trial 7). Matched case-sensitively: "US", not "us". */
const OUTSIDE_IMPORTERS: ReadonlyArray<{ pattern: RegExp; label: Record<Lang, string> }> = [
  {
    pattern: /США|Соедин[её]нн\S*\s+Штат|Америк|美国|\bU\.?S\.?A?\b|United States|America/u,
    label: { ru: 'ввозные пошлины США', zh: '美国的进口关税', en: 'US import tariffs' },
  },
  {
    pattern: /(?<!\p{L})ЕС(?!\p{L})|Евросоюз|Европейск\S*\s+союз|欧盟|\bEU\b|European Union/u,
    label: { ru: 'ввозные пошлины ЕС', zh: '欧盟的进口关税', en: 'EU import duties' },
  },
];

/** A question on a market's import rules: its certificates, duties or taxes. */
const IMPORT_RULES_ASKED = new RegExp(
  [
    IMPORT_CHARGE.source,
    '(?<![\\p{L}])(?:ндс|налог\\S*|сертифик\\S*|декларац\\S*\\s+о\\s+соответств)',
    '\\b(?:vat|tax(?:es)?|certs?|certificat\\w*|certification|declaration\\s+of\\s+conformity)\\b',
    '增值税|税费|认证|证书',
  ].join('|'),
  'iu',
);
const EAEU: ReadonlySet<string> = new Set(EAEU_MEMBERS);
const IMPORT_RULES: Record<Lang, (market: string) => string> = {
  ru: (m) => `правила ввоза в страну ${m} (сертификация, пошлины, налоги)`,
  zh: (m) => `${m}的进口规则（认证、关税、税费）`,
  en: (m) => `${m}'s import rules (certification, duties, taxes)`,
};

export function coverageGaps(
  question: string,
  products: readonly ProductGroup[],
  topicLines: readonly string[],
  lang: Lang,
  markets: { asked: readonly string[]; covered: ReadonlySet<string>; ownNotes?: ReadonlySet<string> } = {
    asked: [],
    covered: new Set(),
  },
): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  // A market no document covers is the gap only when the question asks of no market a document covers: "японский станок
  // реэкспортируем из Китая в Россию — санкционные риски?" asks about Russia, a Japanese machine being the goods (a review of
  // trial 29's change).
  const coveredAsked = markets.asked.some((c) => c !== 'CN' && markets.covered.has(c));
  for (const code of markets.asked)
    if (!markets.covered.has(code) && !coveredAsked) gaps.push({ kind: 'market', label: marketName(code, lang) });
  // A market with no note of its own, named by the notes only on a route or in a convention's list ("Baku" on the Middle
  // Corridor), has no document on what it asks of imports: "what certs does Azerbaijan need and whats the import duty +
  // VAT there?" was answered with the China–EAEU agreement's "no preferential rate" (trial 28 t28-20). Only when every
  // market the question asks about is such a one (a route "via Georgia and Azerbaijan" to Kazakhstan asks Kazakhstan's
  // rules) and it asks a certificate, a duty or a tax, not a convention ("Does Georgia apply CMR?").
  const destinations = markets.asked.filter((c) => c !== 'CN');
  const noOwnNote = (c: string) => markets.ownNotes !== undefined && !markets.ownNotes.has(c) && !EAEU.has(c);
  if (
    destinations.length > 0 &&
    destinations.every((c) => markets.covered.has(c) && noOwnNote(c)) &&
    IMPORT_RULES_ASKED.test(question) &&
    namedRegimes(question).length === 0
  )
    for (const code of destinations) gaps.push({ kind: 'market', label: IMPORT_RULES[lang](marketName(code, lang)) });
  if (IMPORT_CHARGE.test(question))
    for (const { pattern, label } of OUTSIDE_IMPORTERS)
      if (pattern.test(question)) gaps.push({ kind: 'market', label: label[lang] });
  for (const { number, year } of namedRegulations(question)) {
    const covered = topicLines.some(
      (line) => new RegExp(`(?:^|\\D)${number}(?:\\s*/\\s*20\\d{2}|\\D|$)`).test(line) && /тр|tr|技术法规/.test(line),
    );
    if (!covered) gaps.push({ kind: 'regulation', label: REGULATION_NAME[lang](number, year) });
  }
  for (const group of products) {
    const words = [...group.terms, ...group.expand].map((w) => w.toLowerCase());
    if (!topicLines.some((line) => words.some((w) => line.includes(w))))
      gaps.push({ kind: 'product', label: group.names[lang] });
  }
  return gaps;
}
