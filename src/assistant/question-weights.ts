// The question's words and their weights for the direct answer (lead.ts): its topic words, the words that
// name an asked market or regulation, its framing, and each word's weight, in the corpus and among the
// candidate sentences.
import { detectMarkets, withoutMarkets } from '../domain/markets.js';
import { incotermsMentions, namesIncoterms } from '../domain/incoterms.js';
import { withoutMarkingScheme } from '../domain/legal-conventions.js';
import { withoutToyQualifiers } from '../domain/products.js';
import { tokenize } from '../rag/tokenize.js';
import type { LeadDoc, LeadOptions } from './lead-types.js';
import { matchKey, unitsOf } from './passage-units.js';
import { withoutFrame, withoutOrigin } from './question-frame.js';
import { questionTypes, type QuestionType } from './question-type.js';

const INCOTERM_TOKEN = /^(?:exw|fca|fas|fob|cfr|cif|cpt|cip|dap|dpu|ddp)$/;
/** An Incoterms rule's weight, over its corpus weight (1: the domain sets' key terms 0.551, 2: 0.557, 3: 0.554). */
const INCOTERM_WEIGHT = 2;

export interface QuestionWeights {
  /** The question's topic: its words without its framing (and, on an Incoterms rule, without its places). */
  topic: string;
  /** The topic's words (match keys). */
  qTokens: Set<string>;
  /** The topic's words that name an asked market. */
  marketTokens: Set<string>;
  /** The topic's Chinese characters that name an asked market. */
  marketHan: Set<string>;
  /** The topic's words without the asked regulation's name. */
  withoutRuleName: Set<string>;
  /** The question's words that name the marking scheme (withoutMarkingScheme). */
  schemeTokens: Set<string>;
  /** The topic's Chinese words of one character. */
  singleHan: Set<string>;
  /** The question's framing words (a follow-up's own, when it has them). */
  frameTokens: Set<string>;
  /** The kinds of answer a follow-up asks for itself. */
  ownTypes: QuestionType[];
  /** The follow-up names an Incoterms rule the question before it did not: it asks of that rule, not the trip's figures. */
  ownRule: boolean;
  /** Each topic word's weight (corpus idf); weighByRarity reweights it among the candidates. */
  weight: Map<string, number>;
  /** The corpus-wide weights. */
  globalWeight: Map<string, number>;
  /** The sum of the corpus-wide weights. */
  total: number;
}

/** A word only the message's statements hold, beside its question: 0.5 / 0.7 gave domain key terms .710 → .707 / .713
 * (heldout-055's TIAC founding line led), xquad unchanged. */
const W_STATEMENT = 0.7;

/** What a word only the question before holds counts beside a follow-up that names its own rule. */
const W_BEFORE_OWN_RULE = 0.3;

/** The follow-up names an Incoterms rule that the question it continues does not (`ownRule` of QuestionWeights). Only
 * Incoterms: a carriage convention ("а если везли автомобилем по CMR?" after the rail limit) or the marking scheme ("а
 * Честный знак там нужен?") is asked of what the question before asked, its amount or its subject (a review of trial 31's
 * change lost the CMR limit and a lead). */
const ownIncotermsRule = (question: string, followUp: string | undefined) =>
  namedAnew(question, followUp, incotermsMentions);

/** The follow-up names the marking scheme ("Честный знак", "诚信标志") that the question it continues does not. */
const ownScheme = (question: string, followUp: string | undefined) =>
  namedAnew(question, followUp, (text) => text.length - withoutMarkingScheme(text).length);

/** The follow-up names something (`mentions`: how much of a text names it) that the question it continues does not. Counted
 * on the whole question as understood, which holds the follow-up, not always verbatim ("DoC 符合性声明" words added). */
function namedAnew(question: string, followUp: string | undefined, mentions: (text: string) => number): boolean {
  if (!followUp) return false;
  const own = mentions(followUp);
  return own > 0 && mentions(question) <= own;
}

/** The question words a message's questions must hold for its statements' own words to count less. */
const OWN_WORDS = 3;

/** The words (match keys) of a message's questions, and those of the sentences before its first question that none of
 * its questions holds; no statement words when the message asks nothing with a question mark. */
function messageWords(message: string): { statement: string[]; asked: Set<string> } {
  const sentences = message.split(/(?<=[.!?。！？])\s*/u).filter((x) => x.trim());
  const asks = sentences.filter((x) => /[?？]/.test(x));
  const asked = new Set(asks.flatMap((x) => tokenize(x).map(matchKey)));
  if (asks.length === 0) return { statement: [], asked };
  // Only what comes before the first question: a statement after it often says what to check ("…? someone told me the
  // legal hub has 30+ law firms", trial 18 t18-29).
  const first = sentences.findIndex((x) => /[?？]/.test(x));
  const statement = sentences
    .slice(0, first)
    .flatMap((x) => tokenize(x).map(matchKey))
    .filter((t) => !asked.has(t));
  return { statement: [...new Set(statement)], asked };
}

/** The question's words and their corpus weights (LeadOptions.idf). */
export function questionWeights(
  question: string,
  opts: LeadOptions,
  asked: ReadonlySet<string>,
  askedRegulations: ReadonlySet<string>,
): QuestionWeights {
  // The question's topic words carry the match; its framing ("нужен ли", "需要多长时间", "how long")
  // only says what kind of answer is wanted: it counts through the section heading and the answer
  // type, never by itself (or "仲裁一般需要多长时间" answers "换轨需要多长时间").
  const unframed = withoutToyQualifiers(withoutFrame(question, opts.lang));
  const framed = (opts.askedMarkets ?? []).some((m) => m !== 'CN') ? withoutOrigin(unframed, opts.lang) : unframed;
  // A question on an Incoterms rule is about the rule; the places beside it are the trip it is for
  // (in Chinese a place name is three bigrams and outweighed "CIF").
  const topic = namesIncoterms(framed) ? withoutMarkets(framed, detectMarkets(framed)) : framed;
  const qTokens = new Set(tokenize(topic).map(matchKey));
  // The words that name an asked market ("в казахстане", "哈萨克斯坦"): every sentence of a document
  // about that market says them, though few write the country's name again.
  const topicWithoutAsked = withoutMarkets(topic, [...asked]);
  const withoutAsked = new Set(tokenize(topicWithoutAsked).map(matchKey));
  const marketTokens = new Set([...qTokens].filter((t) => !withoutAsked.has(t)));
  // The same for single Chinese characters (han-overlap.ts): "塔吉克斯坦" counts for every sentence of the
  // Tajik note, or its sentence that repeats the name outranks the one that answers (follow-up fu-17).
  const marketHan = new Set([...(topic.match(/\p{Script=Han}/gu) ?? [])].filter((c) => !topicWithoutAsked.includes(c)));
  // The regulation's name ("ТР ТС 032", "TR CU 004") in a sentence of its own document: adjacent words that
  // say nothing the document does not say everywhere, so they do not count as the question's words close together.
  const withoutRuleName = new Set(
    [...qTokens].filter((t) => !askedRegulations.has(t) && !/^(?:тр|тс|еаэс|tr|cu|eaeu|20\d\d)$/.test(t)),
  );
  // The words that name the marking scheme ("chestny znak", "Честный ЗНАК"): its own notes write the name in another
  // script or not at all in most sentences ("Честный ЗНАК" in the English note), as a market's note its name. Not a
  // convention's: "hague visby vs hamburg rules" lost the sea note's sentence that names both (b2-09).
  const withoutScheme = new Set(tokenize(withoutMarkingScheme(topic)).map(matchKey));
  const schemeTokens = new Set([...qTokens].filter((t) => !withoutScheme.has(t)));
  // A Chinese word of one character standing alone ("镓 锗 出口俄罗斯…") is a token of its own, while the text
  // writes it inside bigrams ("对镓、锗实行出口许可"): it matches where the character is (trial 18b t18b-09).
  const singleHan = new Set([...qTokens].filter((t) => /^\p{Script=Han}$/u.test(t)));
  // A follow-up's own framing, when it has one: "and whats the deadline to claim" after "how much can we get from the
  // carrier?" is not asking "how much" again (trial 21 t21-10: the limit's heading took the frame bonus).
  const framing = (text: string) =>
    tokenize(text)
      .map(matchKey)
      .filter((t) => !qTokens.has(t));
  const ownFrame = opts.followUp ? framing(opts.followUp) : [];
  const ownTypes = opts.followUp ? questionTypes(opts.followUp) : [];
  const frameTokens = new Set(ownFrame.length || ownTypes.length ? ownFrame : framing(question));
  const weight = new Map<string, number>();
  // A Chinese term in a Russian or English question ("we are 高级认证 AEO") is one word: its bigrams share its weight.
  const termShare = new Map<string, number>();
  if (opts.lang !== 'zh')
    for (const run of topic.match(/\p{Script=Han}{3,}/gu) ?? [])
      for (let i = 0; i + 2 <= run.length; i++) termShare.set(run.slice(i, i + 2), 1 / (run.length - 1));
  for (const t of tokenize(topic))
    weight.set(
      matchKey(t),
      Math.max(weight.get(matchKey(t)) ?? 0, (opts.idf(t) || opts.missingIdf) * (termShare.get(t) ?? 1)),
    );
  // A message that says something and asks something ("Uzbek buyer wants disputes heard in Tashkent. is there a proper
  // international arbitration centre there?") asks with its question's words; its statement's own words say why
  // (not for a follow-up, whose question is read after the one it follows).
  // Only when the question says what it asks itself: "…with ICC (C) cover. any problem with that?" asks about its
  // statement (trial 19 t19-18 lost its CIF rule to the insurance note's buyer who wants wider cover).
  // A follow-up that names an Incoterms rule the question before did not asks of that rule: "the Tashkent buyer insists on FOB
  // Qingdao for this rail shipment, is that ok?" after "and if final destination is Tashkent? any idea of cost per 40ft?"
  // was led by rail costs to Tashkent (trial 31 t31-22). The question before says which trip; its words count less.
  // So does one that names the marking scheme the question before did not, though it keeps that question's kind of
  // answer: "а Честный знак на это нужен? коды можем напечатать прямо у нас на фабрике в Китае?" after baby clothes was led
  // by the clothes' conformity words (trial 31 t31-01); "а Честный знак там нужен?" after Kazakh VAT is still a yes or no.
  const ownRule = ownIncotermsRule(question, opts.followUp);
  if (ownRule || ownScheme(question, opts.followUp)) {
    const own = new Set(tokenize(opts.followUp ?? '').map(matchKey));
    for (const [t, w] of weight) if (!own.has(t)) weight.set(t, w * W_BEFORE_OWN_RULE);
  }
  if (!opts.followUp) {
    const { statement, asked } = messageWords(question);
    if ([...asked].filter((t) => weight.has(t)).length >= OWN_WORDS)
      for (const t of statement) if (weight.has(t)) weight.set(t, weight.get(t)! * W_STATEMENT);
  }
  const total = [...weight.values()].reduce((a, w) => a + w, 0);
  // The corpus-wide weights, kept for judging how well the knowledge base covers the question at all.
  const globalWeight = new Map(weight);
  return {
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
    total,
  };
}

/** Words every candidate sentence shares (the topic: "Panthers", "EAC") tell sentences apart less
 * than words only a few hold: weight by rarity among the candidates too. Reweights `weight` in place
 * and returns its new total. */
export function weighByRarity(
  weight: Map<string, number>,
  globalWeight: ReadonlyMap<string, number>,
  docs: readonly LeadDoc[],
): number {
  let units = 0;
  const df = new Map<string, number>();
  for (const doc of docs)
    for (const passage of doc.passages)
      for (const unit of unitsOf(passage).units) {
        units++;
        for (const t of weight.keys()) if (unit.tokens.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
      }
  for (const [t, w] of weight) {
    const d = df.get(t) ?? 0;
    if (d > 0) weight.set(t, (w * Math.log(1 + units / d)) / Math.log(1 + units));
  }
  // An Incoterms rule named in the question is what it asks about, however many candidates name it
  // ("Is CIF ok for a rail container to Almaty?" led with freight costs to Almaty).
  for (const [t, w] of weight)
    if (INCOTERM_TOKEN.test(t)) weight.set(t, Math.max(w, globalWeight.get(t) ?? w) * INCOTERM_WEIGHT);
  return [...weight.values()].reduce((a, w) => a + w, 0);
}
