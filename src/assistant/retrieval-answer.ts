// The answer without a model (none configured, or it failed): the direct answer first — one to three
// sentences taken verbatim from any section of the retrieved documents (lead.ts) — then each
// document's passage cut around the sentence that answers, numbered, with its market, sources and
// date. When the knowledge base does not cover the question, it says so before the nearest passages.
// Nothing is paraphrased, so nothing can be invented.
import { passedEndDates } from './passed-end-dates.js';
import { contradictedFigures } from './stated-figures.js';
import { sanctioningJurisdictions } from '../domain/sanctioning-jurisdictions.js';
import type { AskResult, Citation } from '../domain/answer.js';
import type { Lang } from '../domain/lang.js';
import { marketName, NAMES_UNION } from '../domain/markets.js';
import { askedRegulations, CONFORMITY, namedRegulations } from '../domain/regulations.js';
import { askedRegimes, carriageAsked, isMarkingScheme, namedRegimes } from '../domain/legal-conventions.js';
import type { ProductGroup } from '../domain/product-groups.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import { toCitations } from './citations.js';
import { neutralizeInstructions } from './injection.js';
import { coverageGaps, type CoverageGap } from './coverage.js';
import { correctSpelling } from '../rag/spelling.js';
import { selectLead, type LeadResult } from './lead.js';
import { shownPassages } from './shown-passages.js';
import { leadSourcesFirst } from './lead-sources-first.js';
import { tokenize } from '../rag/tokenize.js';
import type { UserHit } from './retrieve.js';

/** Below this matched question weight — as a share of the weight of a word seen once in the corpus —
 * the best sentence does not answer the question. Calibrated on the four domain question sets against
 * evals/datasets/uncovered.jsonl (evals/README.md). */
export const WEAK_EVIDENCE = 0.6;

/** A question on sanctions or export controls (drones, dual use, a military buyer)… */
const SANCTIONS_DECISION =
  /sanction|\bsdn\b|\bdrones?\b|\buav\b|dual[- ]use|export[- ]control|\bmilitary\b|\bdefen[cs]e\b|\beo\s*14114|санкц|двойного\s+назначени|экспортн\S*\s+контрол|военн|оборонк|дрон|беспилот|制裁|两用|出口管制|军工|军用|无人机/iu;
/** …that asks whether something is allowed or risky: the decision is a lawyer's. */
const ALLOWED_OR_RISK =
  /allowed|permitted|legal|\bcan\s+(?:we|i)\b|\bmay\s+(?:we|i)\b|\brisk|\bok\b|\bsafe|можно\s+ли|можно|разреш|законн|риск|не\s+нарушим|безопасн|能不能|可以|能否|允许|合法|风险|违法|会不会|安全/iu;
/** Taxes and duties: their rates differ by country. Whole English words: "private label", "elevator",
 * "taxi" hold the letters and ask no rate. */
const PER_COUNTRY =
  /ндс|\bvat\b|增值税|пошлин|\bdut(?:y|ies)\b|\btariffs?\b|тариф|налог|\btax(?:es)?\b|关税|税率|утильсбор/iu;

/** The union's import duty is one for all its members (the common customs tariff): "пошлина на станки в
 * ЕАЭС какая" is answered, not asked "which country?". Its VAT is not. */
const UNION_DUTY = /пошлин|\bdut(?:y|ies)\b|\btariffs?\b|关税/iu;

export interface RetrievalAnswerInput {
  question: string;
  lang: Lang;
  hits: readonly UserHit[];
  kb: KnowledgeBase;
  markets?: readonly string[];
  products?: readonly ProductGroup[];
  /** The regulations of those products (the plan's): their rules answer, another product's do not. */
  regulations?: readonly string[];
  notice?: string;
  today?: string;
  /** The market whose own note answers (the plan's `ownNote`): for the lead, only that note is the market's. */
  ownNote?: string;
  /** A follow-up that names only a market (the plan's `marketSwap`). */
  marketSwap?: boolean;
  /** What the previous answer showed first, when the question follows it up (the plan's `shownBefore`). */
  shownBefore?: string;
  /** The follow-up as the person wrote it, when `question` is it read with the question it continues. */
  followUp?: string;
}

export interface RetrievalAnswer extends AskResult {
  /** What the assistant knows about how well the knowledge base answered (for evals and logs). */
  evidence: { confidence: number; gaps: CoverageGap[]; weak: boolean };
}

/**
 * A regulation the message names by number or subject ("RoHS那个037") is the one asked, not every one its product
 * falls under: LED lamps' TR CU 004 note led "we do not know" for a TR EAEU 037 question (trial 18b t18b-10). Of a
 * follow-up, only what it names itself: "а на мягкие игрушки?" after jackets "по ТР ТС 017/2011" asks about toys
 * (follow-up fg-07 was answered from 017 again).
 */
function leadRegulations(
  question: string,
  input: { regulations?: readonly string[]; followUp?: string; markets?: readonly string[] },
): string[] {
  const named = askedRegulations(input.followUp ?? question);
  if (named.length) return named;
  // A question on the marking scheme for a product ("does chestny znak apply to shoes?") asks about marking, not the
  // product's conformity rule: "Adult footwear is declared (DoC)." led it.
  const marking = askedRegimes(question, input.markets ?? []).some(isMarkingScheme) && !CONFORMITY.test(question);
  // Otherwise the plan's, which a follow-up carries only when the product stays: "а на мягкие игрушки?" after jackets "по ТР
  // ТС 017/2011" asks under 008 alone, and 017's "Взрослую обувь декларируют" led it once the jackets' answer no longer
  // showed that line (follow-up fg-07; the question as understood names 017 still).
  return marking ? [] : [...(input.regulations ?? [])];
}

export async function composeRetrievalAnswer(input: RetrievalAnswerInput): Promise<RetrievalAnswer> {
  const { question, lang, kb } = input;
  const notices = input.notice ? [input.notice] : [];
  if (input.hits.length === 0) {
    return {
      answer: t(lang, 'noResults'),
      lang,
      mode: 'retrieval-only',
      citations: [],
      toolCalls: [],
      notices,
      evidence: { confidence: 0, gaps: [], weak: true },
    };
  }
  // Read as the corpus spells it ("сколко", "acount"): the words that pick the sentences.
  const asRead = correctSpelling(question, (token) => kb.termIdf(token));
  const retrieved = shownPassages(asRead, input.hits, kb, input.followUp);
  const selected: LeadResult = selectLead(
    asRead,
    retrieved.map((h, rank) => ({
      n: rank + 1,
      // Text that addresses a model is removed before any sentence can be shown (injection.ts).
      passages: [{ key: h.id, text: neutralizeInstructions(h.text).text, headingPath: h.headingPath, rank: 0 }],
      countries: h.doc.countries,
      regulations: [...namedRegulations(h.doc.title).map((r) => r.number), ...namedRegimes(h.doc.title)],
      jurisdictions: sanctioningJurisdictions(h.doc.title),
      rank,
      score: h.score,
    })),
    {
      lang,
      idf: (token) => kb.termIdf(token),
      missingIdf: kb.maxIdf(),
      askedMarkets: input.ownNote ? [input.ownNote] : (input.markets ?? []),
      ...(input.ownNote ? { ownNote: input.ownNote } : {}),
      ...(input.marketSwap ? { marketSwap: true } : {}),
      ...(input.shownBefore ? { shownBefore: input.shownBefore } : {}),
      ...(input.followUp ? { followUp: input.followUp } : {}),
      ...(input.today ? { today: input.today } : {}),
      askedRegulations: [
        ...new Set([
          ...leadRegulations(question, input),
          ...askedRegimes(question, input.markets ?? []),
          ...carriageAsked(input.followUp ?? question),
        ]),
      ],
    },
  );
  const { shown, selection } = leadSourcesFirst(retrieved, selected);
  const citations = toCitations(shown, input.today, (hit, i) => selection.bestByDoc.get(i + 1)?.text);
  const gaps = coverageGaps(question, input.products ?? [], kb.topicLines(), lang, {
    asked: input.markets ?? [],
    covered: kb.markets(),
    ownNotes: kb.ownNoteMarkets(),
  });
  // The threshold is in units of the corpus's rarest-word weight, so it holds for any corpus size.
  const weak = gaps.length > 0 || (selection.matchedWeight ?? 0) < WEAK_EVIDENCE * kb.maxIdf() || !selection.lead;

  const parts: string[] = input.notice ? [input.notice] : [];
  // "ндс?", "vat rate?", "关税多少": a rate that differs by country, asked of none. Any one country's
  // figure shown as the answer would mislead; the passages stay, as the nearest there is.
  const whichCountry =
    !(input.markets ?? []).length &&
    PER_COUNTRY.test(question) &&
    tokenize(question).length <= 3 &&
    !(UNION_DUTY.test(question) && NAMES_UNION.test(question));
  if (whichCountry) {
    parts.push(t(lang, 'whichCountry'));
  } else if (weak) {
    const missing = gaps.map((g) => t(lang, 'notCovered', { topic: g.label }));
    parts.push([...(missing.length ? missing : [t(lang, 'weakEvidence')]), t(lang, 'humanHelp')].join(' '));
  } else if (selection.lead) {
    // "Are we allowed to ship drone parts to Russia?": the documents give background; the decision on a
    // shipment or a payment under sanctions or export controls is a lawyer's, and the reply says so.
    // A notice too: Telegram shows the notices and the lead, not the whole text.
    // Asked of a payment or a party the sanctions notes name, without the word ("把货款付到黑河农商行的账户，
    // 这样安全吗？", trial 17b t17b-10): the lead's own documents say it is a sanctions question.
    const sanctionsLead = selection.lead.sentences.some((x) =>
      SANCTIONS_DECISION.test(shown[x.n - 1]?.doc.title ?? ''),
    );
    if ((SANCTIONS_DECISION.test(question) || sanctionsLead) && ALLOWED_OR_RISK.test(question)) {
      const decision = `${t(lang, 'decisionNotGiven')} ${t(lang, 'humanHelp')}`;
      parts.push(decision);
      notices.push(decision);
    }
    // A rate or limit the person states that the lead's sentences on it do not give (stated-figures.ts): said first.
    const differing = contradictedFigures(
      input.followUp ?? question,
      selection.lead.sentences.map((x) => x.shown),
    );
    if (differing.length > 0) {
      const note = t(lang, 'figureDiffers', { figures: differing.join(', ') });
      parts.push(note);
      notices.push(note);
    }
    parts.push(selection.lead.text);
    // "…暂停实施至 2026 年 11 月 10 日" read after that day: the note wrote it as still to come.
    const today = input.today;
    const passed = today
      ? [...new Set(selection.lead.sentences.flatMap((s) => passedEndDates(s.text, citations[s.n - 1]?.asOf, today)))]
      : [];
    if (passed.length > 0) {
      const note = t(lang, 'endDatePassed', { dates: passed.join(', ') });
      parts.push(note);
      notices.push(note);
    }
  }
  parts.push(`${t(lang, weak || whichCountry ? 'nearestPassages' : 'sources')}:`);
  parts.push(citations.map((c) => passageBlock(c, lang)).join('\n\n'));
  return {
    answer: parts.join('\n\n'),
    // A weak match is not offered as a direct answer: the passages are shown as the nearest there is.
    ...(selection.lead && !weak && !whichCountry
      ? { lead: { text: selection.lead.text, citations: selection.lead.citations } }
      : {}),
    lang,
    mode: 'retrieval-only',
    citations,
    toolCalls: [],
    notices,
    evidence: { confidence: Math.round(selection.confidence * 1000) / 1000, gaps, weak },
  };
}

function passageBlock(c: Citation, lang: Lang): string {
  const section = c.headingPath.slice(1).join(' › ');
  const markets = c.markets?.length ? ` (${c.markets.map((m) => marketName(m, lang)).join(', ')})` : '';
  return `[${c.n}] ${section || c.title}${markets}\n${c.excerpt}`;
}
