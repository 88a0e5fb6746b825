// The direct answer without a model: from every section of the retrieved documents, the one to three
// sentences that answer the question, verbatim, each with its citation number. Sentences are scored
// the way BM25 scores passages (idf-weighted overlap with the question, the section heading counting
// half), plus how close together the matched words sit, whether the sentence holds the kind of
// figure the question asks for (a duration, an amount, a date), the document's retrieval rank and
// the market the question names. Nothing is paraphrased, so nothing can be invented; a hedge that
// introduces a list ("Not confirmed:") travels with the item it hedges.
import { sanctioningJurisdictions } from '../domain/sanctioning-jurisdictions.js';
import { tokenize } from '../rag/tokenize.js';
import { splitSentences } from '../rag/split-text.js';
import { showsHedged } from './shows-hedged.js';
import { detectMarkets, isOwnNote, lastMarketsListed, sectionOnAsked } from '../domain/markets.js';
import { withEachMarketNext } from './each-market.js';
import { inReadingOrder } from './reading-order.js';
import { caseLabels } from './case-labels.js';
import { INCOTERMS_REGIME, isCarriageConvention, isConvention, namedRegimes } from '../domain/legal-conventions.js';
import { questionParts } from './question-parts.js';
import { fitAround } from './fit-around.js';
import { yearsAsked, yearsIn } from './asked-years.js';
import { hanShare, hanWeights } from './han-overlap.js';
import { questionWeights, weighByRarity } from './question-weights.js';
import { matchKey, unitsOf } from './passage-units.js';
import { shownPieces } from './previous-lead.js';
import { stepBack } from './step-back.js';
import { withOtherPartSecond } from './other-part.js';
import { kindsOf } from './other-kind.js';
import { composeLead, type FillCandidate, type LeadSentence } from './compose-lead.js';
import type { LeadDoc, LeadOptions, LeadResult } from './lead-types.js';
import {
  COVERAGE_FLOOR,
  DOC_WEIGHT,
  HEADING_WEIGHT,
  W_ABOVE,
  W_BELOW_FLOOR,
  W_CHARGE_UNASKED,
  W_CHARGE_UNNAMED,
  W_OTHER_KIND,
  W_OTHER_KIND_SECTION,
  W_EXAMPLE,
  W_FIRST,
  W_HAN,
  W_NOT_ASKED_MARKET,
  W_NOT_THE_CONVENTION,
  W_NOT_THE_CARRIAGE_CONVENTION,
  W_NOT_THE_TERMS,
  W_TOPIC_ABSENT,
  W_NOT_THE_RULE,
  W_OFF_REGULATION,
  W_OTHER_JURISDICTION,
  W_OTHER_MARKET_SENTENCE,
  W_OTHER_CASE,
  W_PROX,
  W_RANK,
  W_SECTION_RANK,
  W_TYPE,
  W_VERDICT,
  W_YEAR,
} from './lead-weights.js';
import { asksCharge, figureSpans, hasFigure, questionTypes, type QuestionType } from './question-type.js';
import { answersType, kindOf, proximity } from './sentence-kind.js';
import { ABOVE, LIST_WHOLE, THEIR_SIDE, UNVERIFIED } from './sentence-patterns.js';
import { candidateText } from './candidate-text.js';
import { docStance } from './doc-stance.js';
import { namedCharges, sameCharge, type Charge } from '../domain/charges.js';
import { CONFORMITY } from '../domain/regulations.js';
import { headingMatch } from './heading-match.js';

export type { LeadSentence } from './compose-lead.js';
export type { LeadDoc, LeadOptions, LeadPassage, LeadResult } from './lead-types.js';

/** A section's opening verdict that the answer is not known ("Not known. No direct China–Novorossiysk service was found."
 * under "How many days to Novorossiysk?"): the answer to what the heading asks, though it names nothing asked; a
 * comparison figure further on led (trial 29 t29-05). */
const UNKNOWN = /^(?:not\s+known|unknown|неизвестно|нет\s+данных|尚无数据|未知|不详)/iu;
/** A sentence that opens by answering yes or no: "Да, если…", "No, only…" — not "No preferential rate exists…" (trial 20
 * t20-08 lost its "No. The agreement is non-preferential" to it). */
const YES_OR_NO =
  /^(?:(?:да|нет|yes|no)\s*[,.:;—–]|(?:не\s+(?:нужно|надо|обязательно)|not\s+necessarily)(?![\p{L}])|(?:是的?|否|不(?:是|需要|用|能|可以)|可以|需要)[，,。：:])/iu;
/** A list read whole right after a sentence scores at least this share of it (0.8 and 0.9 left the domain, xquad and
 * follow-up figures as they were). */
const W_LIST_AFTER = 0.9;
/** The share of a sentence a previous lead showed for it to count as read. */
const SHOWN_SHARE = 0.8;
/** Scores this close are a tie, sorted by document: 0.5% gave xquad en .832 → .833, the rest unchanged; 1% cost a zh answer. */
const NEAR_TIE = 0.005;

/** The market a sentence names in its first words, when none of them is asked ("Беларусь: …", "In Kazakhstan, …"). */
function opensWithOtherMarket(text: string, asked: ReadonlySet<string>): boolean {
  const head = detectMarkets(text.slice(0, OPENING_CHARS)).filter((m) => m !== 'CN');
  return head.length > 0 && !head.some((m) => asked.has(m));
}
const OPENING_CHARS = 24;

/** How many of the best sentences are read for one that names the asked charge. */
const CHARGE_DEPTH = 3;

/** A rate in a sentence: "14%", "5 %". */
const RATE = /\d+(?:[.,]\d+)?\s*[%％]/u;

/** A document about legal conventions only (the New York Convention's note): not one about no rule, nor a carriage
 * convention's ("Is Uzbekistan a CISG party? …" must not end with the CMR note's parties). */
const aboutConventions = (doc: LeadDoc) =>
  (doc.regulations?.length ?? 0) > 0 && doc.regulations!.every((r) => isConvention(r) && !isCarriageConvention(r));

/** A part that goes on from the one before: "а если…", "And what about Kazakhstan, is it a party too?", "那…". */
const GOES_ON =
  /^\s*(?:(?:а|но)\s|(?:and|but|or)\s|what\s+about|how\s+about|那)|(?:\btoo\b|\bas\s+well\b|\bтоже\b|\bтакже\b|也)[^\p{L}]*$/iu;

/** A word of a list item's label names the asked case when its corpus weight is at least this share of the rarest word's. */
const RARE_LABEL_WORD = 0.6;

export function selectLead(question: string, docs: readonly LeadDoc[], opts: LeadOptions): LeadResult {
  const maxChars = opts.maxChars ?? (opts.lang === 'zh' ? 120 : 300);
  const maxSentences = opts.maxSentences ?? 3;
  const seen = opts.shownBefore ? shownPieces(opts.shownBefore) : [];
  // Shown whole, or cut to most of it: a sentence cut short ("…出口预退税…自预退税次月起至次年 4 月…") may have hidden
  // what a follow-up asks next ("那预退税最晚什么时候要结清", trial 21 t21-08; step-back.ts).
  const shownWhole = (text: string) =>
    seen.some((p) => p.includes(text)) ||
    seen.filter((p) => text.includes(p)).reduce((n, p) => n + p.length, 0) >= SHOWN_SHARE * text.length;
  const asked = new Set(opts.askedMarkets ?? []);
  const theirSide = asked.size > 0 && ![...asked].includes('CN') && THEIR_SIDE.test(question);
  const askedRegulations = new Set(opts.askedRegulations ?? []);
  const askedRegulationShown = docs.some((d) => d.regulations?.some((r) => askedRegulations.has(r)));
  const askedConventions = [...askedRegulations].filter(isConvention);
  const askedConventionShown = docs.some((d) => d.regulations?.some((r) => isConvention(r) && askedRegulations.has(r)));
  const notTheConvention =
    askedConventions.length > 0 && askedConventions.every(isCarriageConvention)
      ? W_NOT_THE_CARRIAGE_CONVENTION
      : askedConventions.length > 0 && askedConventions.every((c) => c === INCOTERMS_REGIME)
        ? W_NOT_THE_TERMS
        : W_NOT_THE_CONVENTION;
  const {
    topic,
    qTokens,
    marketTokens,
    marketHan,
    withoutRuleName,
    schemeTokens,
    singleHan,
    frameTokens,
    ownTypes,
    ownRule,
    weight,
    globalWeight,
    total: questionTotal,
  } = questionWeights(question, opts, asked, askedRegulations);
  // A follow-up that asks its own kind of answer asks only that: "and whats the deadline to claim" after "how much can
  // we get from the carrier?" wants the claim period, not another amount (trial 21 t21-10 repeated the CMR limit).
  // So does one that names an Incoterms rule the question before did not: "the Tashkent buyer insists on FOB Qingdao for this rail
  // shipment, is that ok?" after "any idea of cost per 40ft?" asks of FOB, not a cost (trial 31 t31-22 led with days).
  const types: QuestionType[] = ownTypes.length || ownRule ? ownTypes : questionTypes(question);
  const namesAsked = (text: string) => tokenize(text).some((t) => qTokens.has(matchKey(t)));
  // The words the message itself asks with: a follow-up's own, not those of the question it continues.
  const ownQuestionWords = opts.followUp ? new Set(tokenize(opts.followUp).map(matchKey)) : qTokens;
  const askedJurisdictions = sanctioningJurisdictions(question);
  // A follow-up that names its own year asks about that one: "а ндс на посылки с 27 года будет?" after a question on July
  // 2026 (trial 21 t21-07).
  const ownYears = opts.followUp ? yearsAsked(opts.followUp, opts.today) : [];
  const askedYears = ownYears.length ? ownYears : yearsAsked(question, opts.today);
  const chargeAsked = asksCharge(question);
  const askedCharges = namedCharges(question);
  const isAsked = (c: Charge) => askedCharges.some((a) => sameCharge(a, c));
  const conformityAsked = CONFORMITY.test(question);
  const kinds = kindsOf(question, opts.followUp);
  const otherKind = kinds.other;
  const bestByDoc = new Map<number, LeadSentence>();
  /** Candidate texts that open with a heading saying their rule is not in force, or with a label naming the asked case →
   * that heading or label, which a cut keeps. */
  const keptHeads = new Map<string, string>();
  // Each passage's words, for a follow-up's step back (below).
  const sectionWords = new Map<string, ReadonlySet<string>>();
  const eligible: Array<
    FillCandidate & {
      coverage: number;
      matched: number;
      answersCharge: boolean;
      unitIndex: number;
      shownBefore: boolean;
      partlyShown: boolean;
    }
  > = [];
  let confidence = 0;
  let matchedWeight = 0;
  if (questionTotal === 0) return { bestByDoc, confidence };
  const total = weighByRarity(weight, globalWeight, docs);
  const han =
    opts.lang === 'zh'
      ? hanWeights(
          topic,
          docs.flatMap((d) => d.passages.flatMap((p) => unitsOf(p).units)),
        )
      : undefined;
  const topScore = Math.max(0, ...docs.map((d) => d.score ?? 0));
  const prior = (doc: LeadDoc) =>
    doc.score !== undefined && topScore > 0
      ? (W_RANK * doc.score) / topScore / (1 + doc.rank / 4)
      : W_RANK / (1 + doc.rank);
  // A message of several questions asks under the convention it names only where it names it: "…1) does CISG cover our
  // contract…? 2) if they dont pay and we win at CIETAC can we actually enforce the award in Uzbekistan?" asks the second
  // under none, and the New York Convention note answering it was left out as another convention's (trial 28 t28-21).
  // Not beside a carriage convention, whose parts ask under it whether they name it or not: "Китай же участник CMR? если
  // груз пропадёт, сколько перевозчик заплатит максимум?" asks the CMR limit, not the rail convention's (trial 16 t16-12),
  // and "…СМГС или ЦИМ? а если груз идёт дальше в Польшу?" the common waybill (domain heldout-073). Nor a part that goes
  // on from the one before (GOES_ON), nor beside an Incoterms rule ("报价DAP莫斯科，…运费全算进去吗？边境之后那段能扣掉吗", heldout2-011).
  const conventionForAll =
    askedConventions.length === 0 ||
    askedConventions.some((c) => isCarriageConvention(c) || c === INCOTERMS_REGIME) ||
    questionParts(question).every((p) => namedRegimes(p).some(isConvention) || GOES_ON.test(p));
  const conventionDocs = new Set(
    docs.filter((d) => d.regulations?.some((r) => askedConventions.includes(r))).map((d) => d.n),
  );
  for (const doc of docs) {
    const stance = docStance(
      doc,
      asked,
      theirSide,
      askedJurisdictions,
      askedRegulations,
      chargeAsked,
      askedCharges,
      conformityAsked,
    );
    const offRegulation = stance.offRegulation && (conventionForAll || !aboutConventions(doc));
    const { ofAsked, markets, offMarket, otherJurisdiction, ownRule, chargeUnasked, docTokens } = stance;
    const ownMarket = opts.ownNote ? isOwnNote(doc.countries, opts.ownNote) : stance.ownMarket;
    // Whether the passages shown of the document name a charge the question asks (below).
    const docNamesCharge =
      askedCharges.length > 0 &&
      doc.passages.some((p) => namedCharges([...p.headingPath, p.text].join(' ')).some(isAsked));
    for (const passage of doc.passages) {
      const { units, headingTokens, allTokens } = unitsOf(passage);
      sectionWords.set(passage.key, allTokens);
      // A section of another market's note that asks about this one ("Есть ли такой же сбор в Казахстане?"
      // in the Russian recycling-fee note) answers for it (trial 18 t18-12).
      const offMarketHere = offMarket && !sectionOnAsked(passage.headingPath, doc.countries, asked);
      // A sentence under a heading of another kind is of that kind ("…if the container arrives late?": "more than three
      // tenths: 30%").
      const otherKindHeading = otherKind(passage.headingPath.at(-1) ?? '');
      const sectionRegimes = askedConventions.length ? namedRegimes(passage.headingPath.slice(1).join(' ')) : [];
      const { frameBonus, headingAsked } = headingMatch(headingTokens, qTokens, frameTokens);
      // The charges the section's headings (the document's title first) and its own heading name, read once per section.
      const pathCharges = askedCharges.length ? namedCharges(passage.headingPath.join(' ')) : [];
      const headingCharges = askedCharges.length ? namedCharges(passage.headingPath.at(-1) ?? '') : [];
      // The items of a list labelled by case (case-labels.ts), read by a rare word of the question (a product, not "buyer" or
      // "China": labels such as "Buyers in non-party states." are the notes' way of writing, domain legal-10). Not a Chinese
      // pair, which may straddle two words: "银行退汇" shares "行退" with "银行退款" (trial 31 t31-14). Of the message itself: a
      // follow-up's "and who pays for returns?" is not asked of "**Ozon, for sellers from abroad:**" by the "ozon" of the
      // question before (a review of trial 31's change).
      const cases = caseLabels(units, (t) => {
        const k = matchKey(t);
        return (
          !/\p{Script=Han}/u.test(t) &&
          ownQuestionWords.has(k) &&
          !marketTokens.has(k) &&
          !headingTokens.has(k) &&
          opts.idf(t) >= RARE_LABEL_WORD * opts.missingIdf
        );
      });
      for (const [unitIndex, unit] of units.entries()) {
        let matched = 0;
        let matchedGlobal = 0;
        let matchedTopic = 0;
        for (const [t, w] of weight) {
          const share =
            unit.tokens.has(t) ||
            (singleHan.has(t) && unit.han.has(t)) ||
            (ownMarket && marketTokens.has(t)) ||
            (ownRule && (askedRegulations.has(t) || (schemeTokens.has(t) && !allTokens.has(t))))
              ? 1
              : headingTokens.has(t)
                ? HEADING_WEIGHT
                : docTokens.has(t)
                  ? DOC_WEIGHT
                  : 0;
          matched += w * share;
          if (!marketTokens.has(t) && unit.tokens.has(t)) matchedTopic += w;
          // How well the knowledge base answers at all: a document about the asked market answers
          // for it in every sentence (ranking does so only for a note on that market alone, ownMarket:
          // for a note that lists it among others it would favour every sentence of it).
          matchedGlobal += globalWeight.get(t)! * (ofAsked && marketTokens.has(t) ? 1 : share);
        }
        // A fragment ("priority inspection;") says nothing on its own; a short sentence ("Только сертификат.") can.
        if (matched === 0 || unit.order.length < 2 || (unit.order.length < 3 && !/[.!?。！？]$/.test(unit.text)))
          continue;
        // A note in brackets ("(Advice, not law.)") qualifies the text around it; it answers nothing.
        if (/^[(（][^()（）]*[)）][.。]?$/.test(unit.text)) continue;
        // A line that introduces a list whose items are not in this passage ("Действуют до 2029–2030 годов:").
        if (/[:：]$/.test(unit.text)) continue;
        const kind = kindOf(unit);
        if (kind.pointer) continue;
        const coverage = matched / total;
        // Once per kind: asked "до какого года и сколько %", a sentence with both answers more than one with a
        // year (counting each kind once or half again left the domain, xquad and follow-up figures as they
        // were; decision 035).
        // The section asking what the question asks opens with its verdict, which names the asked thing ("Только
        // сертификат."): it scored below a sentence on electrical toys of the same section, asked "хватит декларации …
        // или обязательно сертификат?" (trial 19 t19-01) and "можно просто декларацию … без сертификата?" (19b-01).
        // So does a first sentence that opens with yes or no and its condition ("Да, если сумма превышает 50 000 долларов
        // США…" under "Нужно ли регистрировать импортный контракт…?", asked "надо ставить контракт на учет…?", trial 21b
        // t21b-13); a bare "Да." read with the sentence after it keeps the rule above (heldout-016 lost its second part).
        const verdictBonus =
          headingAsked &&
          ((unit.verdict !== undefined &&
            (namesAsked(unit.verdict) || (unitIndex === 0 && UNKNOWN.test(unit.verdict)))) ||
            (unitIndex === 0 && unit.verdict === undefined && YES_OR_NO.test(unit.text)))
            ? W_VERDICT
            : 0;
        const typeBonus = W_TYPE * types.filter((t) => answersType(t, unit, qTokens)).length + verdictBonus;
        const mentionsAsked = unit.markets.some((m) => asked.has(m));
        // China is where the goods come from ("ввоз из третьих стран, например из Китая"): naming it does
        // not make a sentence about another market.
        const mentionsOther = unit.markets.some((m) => m !== 'CN') && !mentionsAsked;
        let score =
          coverage +
          W_PROX * proximity(unit.order, ownRule ? withoutRuleName : qTokens) +
          typeBonus +
          frameBonus +
          prior(doc) -
          W_SECTION_RANK * (passage.rank ?? 0) +
          (han
            ? (W_HAN * hanShare(han, unit, ownMarket && markets.length <= 1 ? marketHan : undefined)) / (1 + doc.rank)
            : 0);
        // A section's first sentence is usually its answer; a pointer to another document is not one.
        if (unitIndex === 0) score += W_FIRST;
        if (kind.crossReference) score *= 0.6;
        // "应按上述许可要求安排", "as above": says what to do with what it does not name, which the lines before it
        // name (trial 18b t18b-09 opened with it, the gallium licence after it).
        if (ABOVE.test(unit.text)) score *= W_ABOVE;
        // A worked example ("Два примера (наш расчёт): Коробка 10 кг…", "举例（自行测算）：…") shows the rule
        // at work; the rule itself answers ("лимит — 666,67 СДР за место или 2 СДР за кг, что больше"). An
        // example about the asked market, in that market's own note, is its answer ("Например, в Узбекистане …
        // 3 лет"); in a note on something else it is not: "Пример (наш расчёт): … CIP Алматы …" from the
        // cargo-insurance note led a question on registering a contract for an Almaty buyer (trial 11).
        if (kind.example && !(mentionsAsked && ownMarket)) score *= W_EXAMPLE;
        // A figure for comparison is another case's, whatever market it names (sentence-patterns.ts).
        if (kind.comparison) score *= W_EXAMPLE;
        // A question that asks for a duration, an amount or a date is not answered by a sentence without one.
        // Nor is one that says the figure is not known ("South of Russia: Novorossiysk, transit times not known.") less of an
        // answer than a figure of another trip.
        if (types.length > 0 && typeBonus === 0 && !kind.notKnown) score *= 0.8;
        if (mentionsAsked) score += 0.1;
        // A sentence about another market only ("Беларусь: ввозной НДС также начисляется на таможенную стоимость…") is not the
        // answer for the asked one, figure or none: it led "…LED для продажи в рф. ввозной ндс 20% плюс пошлина, правильно? и на
        // какую базу ндс считается" (trial 27 t27-04). 0.5 / 0.7 / 0.85 left the domain and follow-up sets as they were.
        // Only a sentence whose subject is that market, named first: "…for a rail container to Central Asia or Russia use FCA,
        // CPT…" is a rule for any market.
        if (mentionsOther && asked.size > 0 && opensWithOtherMarket(unit.text, asked)) score *= W_OTHER_MARKET_SENTENCE;
        // The year the question names ("示范区2025年开行了多少列班列", "с июля 2026"): a sentence that names it
        // is about that year, not another one's total or an earlier rule.
        if (askedYears.length > 0 && yearsIn(unit.text).some((y) => askedYears.includes(y))) score += W_YEAR;
        if (offMarketHere) score *= 0.5;
        if (cases.otherCase(unit)) score *= W_OTHER_CASE;
        if (otherJurisdiction) score *= W_OTHER_JURISDICTION;
        // "а в Таджикистане?" after an EAC question asked for Uzbekistan: the previous question's words are
        // all in the EAC note, whose rule for union members says nothing of Tajikistan (follow-up fg-02).
        // So is a sentence outside the note that answers for the market (the plan's own note).
        if ((opts.marketSwap || opts.ownNote) && !ownMarket && !mentionsAsked) score *= W_NOT_ASKED_MARKET;
        // …and in the asked market's own note, a sentence that holds none of the topic carried over answers nothing asked:
        // "那乌兹别克斯坦呢" after an AEO question was led by the Uzbek note's EAC verdict (trial 25 t25-11).
        if (opts.marketSwap && matchedTopic === 0) score *= W_TOPIC_ABSENT;
        if (offRegulation) score *= W_OFF_REGULATION;
        if (chargeUnasked) score *= W_CHARGE_UNASKED;
        // A charge question is answered from a passage on that charge: "Уточните у казахстанского импортёра, требуется ли
        // маркировка…" of a note on marking led "какой ндс на импорт в казахстане сейчас?" above the 16% (trial 18 t18-06,
        // once the corpus's weights moved a little). The passage, not the sentence: a line beside the rate that does not
        // repeat the charge's name still answers ("有没有时间限制？" of a 9610 return, trial 14 t14-15).
        if (askedCharges.length > 0 && !docNamesCharge) score *= W_CHARGE_UNNAMED;
        if (otherKindHeading && !kinds.own(unit.text)) score *= W_OTHER_KIND_SECTION;
        else if (otherKind(unit.text)) score *= W_OTHER_KIND;
        // The asked product's own regulation answers for it: a document that only mentions the product
        // (the VAT note's "check that the certificate names toys exactly") does not.
        if (
          askedRegulationShown &&
          !offRegulation &&
          !doc.regulations?.some((r) => askedRegulations.has(r)) &&
          (conventionForAll || !aboutConventions(doc))
        )
          score *= askedConventionShown ? notTheConvention : W_NOT_THE_RULE;
        const { own, hedged, text, counterfactual, heading } = candidateText(
          unit,
          units,
          unitIndex,
          passage,
          opts.lang,
          headingAsked,
        );
        // A cut keeps a heading that says the rule is not in force, and a list item's label that names the asked case
        // (case-labels.ts).
        const keptHead = counterfactual ? heading : cases.head(unit, text);
        if (keptHead) keptHeads.set(text, keptHead);
        const candidate = {
          n: doc.n,
          passageKey: passage.key,
          text,
          score,
          unitIndex,
          ...(hedged !== own && text === hedged ? { hedge: unit.leadIn! } : {}),
        };
        const best = bestByDoc.get(doc.n);
        if (!best || score > best.score) bestByDoc.set(doc.n, candidate);
        // A figure about another market is never the direct answer to a question about this one.
        const wrongMarket = asked.size > 0 && (offMarketHere || mentionsOther) && unit.figure;
        // Another product's rule is never the direct answer when the asked product's document is here.
        // A section on another convention than the asked one is not its answer, in whatever document:
        // "乌兹别克斯坦（1995年）和吉尔吉斯斯坦（1998年）是缔约国。" under "TIR 和 CMR 是一回事吗？" filled a CISG
        // lead as if it gave the CISG's dates (trial 11, second run).
        const otherConvention =
          conventionForAll &&
          askedConventions.length > 0 &&
          sectionRegimes.length > 0 &&
          !sectionRegimes.some((r) => askedConventions.includes(r));
        const wrongProduct = (offRegulation && askedRegulationShown) || otherConvention;
        const sentenceCharges = askedCharges.length ? namedCharges(unit.text) : [];
        // Whether the sentence, its section or its document names the asked charge (below: a charge question answered by
        // none of its best sentences is not answered).
        const answersCharge = sentenceCharges.some(isAsked) || pathCharges.some(isAsked);
        // A rate of another charge than the one asked is not its answer: "塔吉克斯坦进口关税多少？" was led by Tajikistan's
        // VAT rates, the note having no duty rate. A sentence under "增值税是多少？" is about VAT though it names only its
        // rates. Only a rate: "2023 年的一年期政策还免征进口环节增值税…" qualifies the duty exemption a 9610 return asks about
        // (trial 14 t14-15). A rate that names no charge, nor does its section or its document, is no charge's rate:
        // "逾期应收款超过 10%" of the Uzbek payments note led "乌兹别克斯坦进口关税", the Uzbek note having no duty rate.
        const rate = askedCharges.length > 0 && RATE.test(unit.text);
        const rateCharges = !rate ? [] : sentenceCharges.length ? sentenceCharges : headingCharges;
        const otherCharge =
          (rate && rateCharges.length === 0 && pathCharges.length === 0) ||
          (rateCharges.length > 0 && !rateCharges.some(isAsked));
        // A figure from a document about a country the question does not name ("НДС — 20%" of Belarus;
        // China beside it is where the goods come from). In a document on many markets, only a sentence
        // that names one: the single window's launch date, "2022年11月25日", is no market's figure (trial 6
        // lost it from "上合经贸综服平台是啥时候上线的" to a sentence without the date).
        const countryFigure =
          unit.figure &&
          doc.countries.some((c) => c !== 'CN') &&
          !doc.countries.some((c) => asked.has(c)) &&
          (unit.markets.length > 0 || markets.length <= 2);
        if (!wrongMarket && !wrongProduct && !otherCharge) {
          const shownBefore = seen.some((p) => unit.text.includes(p) || p.includes(unit.text));
          eligible.push({
            ...candidate,
            // Which of a message's questions the sentence answers is read with its section's heading (other-part.ts).
            headingPath: passage.headingPath,
            coverage,
            matched: matchedGlobal,
            answersCharge,
            countryFigure,
            countries: doc.countries.join(),
            shownBefore,
            partlyShown: shownBefore && !shownWhole(unit.text),
          });
        }
      }
    }
  }
  if (eligible.length === 0) return { bestByDoc, confidence };
  // A sentence that holds under a fifth of what the best-covering one does is carried by its document's rank and
  // its figure, not by the question: "中国→阿拉木图…铁路直达每箱美元运价：尚无数据" (coverage .02) led "铁路整柜发阿拉木图，合同写
  // FOB青岛还是CIF阿拉木图好？" over "FAS、FOB、CFR、CIF只适用于海运和内河运输" (.20), and so little matched that the answer
  // said the knowledge base had none (trial 20b t20b-15). Not for a follow-up, whose coverage counts the question
  // before it. 0.2 / 0.25 × 0.5 left the domain sets as they were; 0.25 cost one xquad en answer, 0.4–0.6 cost domain ones.
  if (!opts.followUp) {
    const best = Math.max(...eligible.map((e) => e.coverage));
    for (const e of eligible) if (e.coverage < COVERAGE_FLOOR * best) e.score *= W_BELOW_FLOOR;
  }
  // A list whose lead-in follows a sentence says what that sentence's rule amounts to ("…платит штраф. Штраф считается в
  // процентах от его провозной платы: 6%, если…; 18%…; 30%…"): read with it, it ranks just below it, not below
  // another section's lines that share the message's words ("накладная СМГС", trial 22 t22-21).
  {
    const at = new Map(eligible.map((e) => [`${e.passageKey}#${e.unitIndex}`, e]));
    for (const e of eligible) {
      if (!LIST_WHOLE.test(e.text)) continue;
      const before = at.get(`${e.passageKey}#${e.unitIndex - 1}`);
      // Only a list whose lead-in takes up the sentence's word ("…платит штраф. Штраф считается…"): "此前的变化：…"
      // after the 2024 parcel limit is its history, and outranked the July 2026 change asked about (trial 14 t14-09).
      const leadIn = new Set(tokenize(e.text.slice(0, e.text.search(/[:：]/))).map(matchKey));
      const takesUp = before && tokenize(before.text).some((t) => leadIn.has(matchKey(t)));
      if (before && takesUp && !LIST_WHOLE.test(before.text) && before.score > e.score)
        e.score = Math.max(e.score, before.score * W_LIST_AFTER);
    }
  }
  // Of two sentences that score within 0.5% of each other, the one from the best sentence's document comes first: "Ввозной
  // НДС идёт по тем же ставкам…" (1.0487) and a parallel-import sentence (1.0490) vied for second place under Russia's 22%
  // VAT, and an edit to the Uzbek note's sections flipped them through the corpus's word weights.
  const topDoc = eligible.reduce((m, c) => (c.score > m.score ? c : m), eligible[0]!).n;
  const near = (a: { score: number }, b: { score: number }) =>
    Math.abs(a.score - b.score) <= NEAR_TIE * Math.max(a.score, b.score);
  eligible.sort((a, b) => (near(a, b) && Number(b.n === topDoc) - Number(a.n === topDoc)) || b.score - a.score);
  // The part that names the convention is answered first, from its note; the other part's answer may come second
  // (other-part.ts): "…CISG自动适用吗？如果对方不付款，仲裁裁决能在乌兹别克斯坦执行吗？" was led by the New York Convention note alone.
  if (!conventionForAll) {
    const own = eligible.findIndex((e) => conventionDocs.has(e.n));
    if (own > 0) eligible.unshift(...eligible.splice(own, 1));
  }
  // A follow-up is read with the question before it, and its answer may share few of that question's
  // words ("and how long do I have to file?" after the CMR limit: the claim-period section shares
  // "long" and nothing of the limit's words): how well the knowledge base answers is the best any
  // candidate covers, not only the one that ranks first.
  const judged = opts.followUp ? eligible : eligible.slice(0, 1);
  confidence = Math.min(1, Math.max(...judged.map((e) => e.coverage)));
  // A question on a charge whose best sentence, section and document do not name it is not answered, however rare the
  // words it shares: "塔吉克斯坦进口关税多少？" was led by "塔吉克斯坦不是欧亚经济联盟成员…", "What is the import duty in
  // Tajikistan?" by TajikStandard's certification, the note having no duty rate. Not for any question: "sea transit time
  // qingdao to novorossiysk?" is answered under "How many days to Novorossiysk?" by its places. Among the first three: a
  // message that asks a charge beside another question ("…is that ok under CISG? and what import vat will they pay in
  // belarus") is led by the other one's sentence (trial 27 t27-10 was told the knowledge base had no answer).
  matchedWeight =
    askedCharges.length === 0 || eligible.slice(0, CHARGE_DEPTH).some((e) => e.answersCharge)
      ? Math.max(...judged.map((e) => e.matched))
      : 0;
  // A sentence is shown cut around the question's words; when the cut leaves a figure about another
  // market and drops the asked one ("…поезд Поти – Баку … 34 часа…" of a list that names Kazakhstan
  // further on, asked about Almaty), the sentence is not the answer: the next one is.
  // A heading that says the rule is not in force is kept whole when its sentence is cut (a cut that dropped it
  // would say the rule applies).
  // The spans a cut should keep: the figures asked for, and a hedge the sentence carries ("…提供供应链金融…。与易融链是否
  // 有关，未经证实。"): kept beside what it qualifies when the room allows, else the sentence leaves the lead (below).
  const anchorsOf = (text: string): Array<[number, number, string?]> => {
    const hedge = UNVERIFIED.exec(text);
    return [
      ...figureSpans(types, text),
      ...(hedge ? [[hedge.index, hedge.index + hedge[0].length, 'amount'] as [number, number, string]] : []),
    ];
  };
  // The answer to a message's other question is cut around that question's own words, not the first one's: for "032
  // регламент с какого давления действует? у нас сосуд 2 категории - сертификат обязателен?" the examples line is cut
  // to "…ТР ТС 032/2013: категории опасности 3–4 — сертификат, категории 1–2 — декларация." (domain eaeu-tr-02).
  const ownWords = new Map<string, ReadonlySet<string>>();
  const cut = (text: string, budget: number) => {
    const head = keptHeads.get(text);
    const words = ownWords.get(text) ?? qTokens;
    if (!head || text.length <= budget) return fitAround(text, budget, words, anchorsOf(text), weight);
    const rest = text.slice(head.length).trimStart();
    // No space after a Chinese head ("…的规则：").
    const gap = /[：\p{Script=Han}]$/u.test(head) ? '' : ' ';
    return `${head}${gap}${fitAround(rest, Math.max(20, budget - head.length - gap.length), words, anchorsOf(rest), weight)}`;
  };
  // A cut that would show a hedged sentence without its hedge shows the sentences before it instead, when there are any:
  // "…повысил основную ставку НДС с 12% до 16%. Соответственно, ввозной НДС … тоже должен составлять 16%…" lost "отдельно не
  // подтверждённый" (trial 30 t30-08), and its first sentence, which the hedge does not qualify, answers the rate.
  const cutHedged = (text: string, budget: number) => {
    const shown = cut(text, budget);
    if (!UNVERIFIED.test(text) || UNVERIFIED.test(shown) || !showsHedged(text, shown)) return shown;
    const hedged = splitSentences(text).find((x) => UNVERIFIED.test(x));
    // Verbatim: the text up to the hedged sentence.
    const before = hedged === undefined ? '' : text.slice(0, Math.max(0, text.indexOf(hedged))).trim();
    if (!before) return shown;
    // Whole sentences, said as such: what follows them is another sentence.
    return cut(before, budget);
  };
  const show = (chosen: ReadonlyArray<LeadSentence & { budget: number }>) =>
    chosen.map((s) => ({ ...s, shown: cutHedged(s.text, s.budget) }));
  // A follow-up's words are the question before it with the new one: how much of them a sentence holds says
  // little of whether it answers ("and how long do I have to file?" after the CMR limit), so no floor on it.
  // Two questions in one message: the best sentence on the other one comes second when it scores close (other-part.ts).
  let pool = opts.followUp
    ? eligible.map(({ coverage: _, ...e }) => e)
    : [...withOtherPartSecond(eligible, question, opts.lang)];
  // A list of markets ("в Казахстан и Узбекистан") is answered for each (each-market.ts).
  if (asked.size >= 2 && lastMarketsListed(opts.followUp ?? question))
    pool = [...withEachMarketNext(pool, [...asked], qTokens, maxSentences)];
  for (const c of pool) if (c.otherPart) ownWords.set(c.text, c.otherPart);
  let chosen = show(composeLead(pool, maxChars, maxSentences, cut));
  // A follow-up answered with exactly what the person has just read steps back from it (step-back.ts).
  if (seen.length > 0)
    ({ pool, chosen } = stepBack({
      question,
      followUp: opts.followUp ?? '',
      lang: opts.lang,
      pool,
      chosen,
      compose: (candidates) => show(composeLead(candidates, maxChars, maxSentences, cut)),
      sectionWords,
      wordWeight: globalWeight,
    }));
  // A sentence leaves the lead, which is composed again without it, when its cut shows a figure about another market
  // than the asked one and drops the asked one ("…поезд Поти – Баку … 34 часа…" of a list that names Kazakhstan further
  // on, asked about Almaty), or when its cut loses the hedge the sentence carries: "…俄罗斯银行在华分行卖出人民币的价格比央行
  // 汇率高约 5%…" stated as fact what its sentence marks "未经证实" (trial 22b t22b-05).
  const unfit = ({ text, shown }: { text: string; shown: string }) => {
    if (UNVERIFIED.test(text) && !UNVERIFIED.test(shown) && showsHedged(text, shown)) return true;
    if (asked.size === 0 || shown === text || !hasFigure(shown)) return false;
    const markets = detectMarkets(shown);
    return markets.some((m) => m !== 'CN') && !markets.some((m) => asked.has(m));
  };
  for (let tries = 0; tries < 3; tries++) {
    const dropped = chosen.filter(unfit);
    if (dropped.length === 0) break;
    pool = pool.filter((c) => !dropped.some((d) => d.passageKey === c.passageKey && d.text === c.text));
    if (pool.length === 0) return { bestByDoc, confidence, matchedWeight };
    chosen = show(composeLead(pool, maxChars, maxSentences, cut));
  }
  // Read in an order that makes sense (reading-order.ts).
  const unitAt = new Map(eligible.map((e) => [`${e.passageKey}#${e.text}`, e.unitIndex]));
  const inOrder = inReadingOrder(
    chosen,
    (c) => unitAt.get(`${c.passageKey}#${c.text}`) ?? -1,
    (c) => pool.find((p) => p.text === c.text && p.passageKey === c.passageKey)?.askedBefore ?? false,
  );
  // Two sentences of one paragraph both carry its run-in heading (passage-units.ts): said once.
  const sentences = inOrder.map(({ shown, n, passageKey, text, score }, i) => {
    const label = /^([^…]{2,80}?[.。:：])\s?…\s?/u.exec(shown);
    const repeated = label && inOrder.slice(0, i).some((x) => x.text.startsWith(label[1]!));
    return { n, passageKey, text, score, shown: repeated ? `…${shown.slice(label[0].length)}` : shown };
  });
  return {
    lead: leadOf(sentences),
    bestByDoc,
    confidence,
    matchedWeight,
  };
}

/** The lead as shown: each sentence as cut, with its citation number. */
export function leadOf(sentences: Array<LeadSentence & { shown: string }>): NonNullable<LeadResult['lead']> {
  return {
    text: sentences.map(({ shown, n }) => `${shown} [${n}]`).join(' '),
    citations: [...new Set(sentences.map((s) => s.n))],
    sentences,
  };
}
