// Which practice area a question belongs to (a keyword reading, overridden by the model's
// suggestion when there is one) and which partner firm should be offered the ticket.
import type { Lang } from '../domain/lang.js';
import { detectMarkets } from '../domain/markets.js';
import { PRACTICE_AREAS, type LawFirm, type LawFirmDirectory, type PracticeArea } from './law-firm-directory.js';

const KEYWORDS: Array<[PracticeArea, RegExp]> = [
  [
    'sanctions-export-control',
    /sanction|ofac|14114|export control|dual.use|санкц|двойного назнач|экспортн\w* контрол|制裁|出口管制|两用/i,
  ],
  [
    'disputes-arbitration',
    /arbitra|dispute|claim|lawsuit|court|арбитраж|спор|иск|суд|претензи|仲裁|纠纷|诉讼|索赔|法院/i,
  ],
  [
    'payments-finance',
    /payment|bank|letter of credit|insurance|currency|оплат|банк|аккредитив|валют|страхов|付款|银行|信用证|外汇|保险/i,
  ],
  ['customs', /customs|tariff|hs code|declaration|таможн|пошлин|тн вэд|海关|关税|报关/i],
  ['ip', /trademark|patent|copyright|brand|товарн\w* знак|патент|бренд|商标|专利|版权/i],
  [
    'corporate',
    /company registration|subsidiary|branch|representative office|регистрац\w* компан|филиал|представительств|公司注册|子公司|代表处/i,
  ],
  ['contracts', /contract|agreement|clause|incoterms|договор|контракт|оговорк|合同|协议|条款/i],
];

export function suggestPracticeArea(text: string, modelSuggestion?: string): PracticeArea {
  if (modelSuggestion && (PRACTICE_AREAS as readonly string[]).includes(modelSuggestion))
    return modelSuggestion as PracticeArea;
  return KEYWORDS.find(([, re]) => re.test(text))?.[0] ?? 'contracts';
}

/**
 * The jurisdiction of a legal question, from the exporter's own words: the market they name ("Покупатель
 * из Казахстана" → KZ); China only when no other market is named (the exporter ships from there).
 */
export function suggestJurisdiction(exporterWords: string, modelSuggestion?: string): string | undefined {
  if (modelSuggestion && /^[A-Z]{2}$/.test(modelSuggestion)) return modelSuggestion;
  const named = detectMarkets(exporterWords);
  return named.find((c) => c !== 'CN') ?? named[0];
}

export interface FirmMatch {
  firm: LawFirm | undefined;
  channel: string;
  score: number;
}

/** The best firm by practice area (3), jurisdiction (2) and language (1); none fits → the shared queue. */
export function matchFirm(
  dir: LawFirmDirectory,
  need: { practiceArea: string; jurisdiction?: string | null; lang: Lang },
): FirmMatch {
  let best: FirmMatch = { firm: undefined, channel: dir.shared_queue_channel, score: 0 };
  for (const firm of dir.firms) {
    const score =
      ((firm.practice_areas as string[]).includes(need.practiceArea) ? 3 : 0) +
      (need.jurisdiction && firm.jurisdictions.includes(need.jurisdiction) ? 2 : 0) +
      (firm.languages.includes(need.lang) ? 1 : 0);
    if (score > best.score) best = { firm, channel: firm.slack_channel, score };
  }
  // A firm that does not practise the area is no match, whatever else fits.
  return best.score >= 3 ? best : { firm: undefined, channel: dir.shared_queue_channel, score: 0 };
}
