// Coverage honesty: a question that names a technical regulation or a product group no document is
// about gets told so plainly, before the nearest passages, instead of five unrelated passages
// presented as an answer. "About" means a document title or section heading names it: a passing
// mention ("medical devices are outside TR CU 007") does not make a document about medical devices.
import type { Lang } from '../domain/lang.js';
import { marketName } from '../domain/markets.js';
import type { ProductGroup } from '../domain/product-groups.js';
import { namedRegulations } from '../domain/regulations.js';

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

export function coverageGaps(
  question: string,
  products: readonly ProductGroup[],
  topicLines: readonly string[],
  lang: Lang,
  markets: { asked: readonly string[]; covered: ReadonlySet<string> } = { asked: [], covered: new Set() },
): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const code of markets.asked) {
    if (!markets.covered.has(code)) gaps.push({ kind: 'market', label: marketName(code, lang) });
  }
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
