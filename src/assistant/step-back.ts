// A follow-up answered with exactly what the person has just read ("а на детскую обувь?" after children's
// tights, "and how long do I have to file?" after the CMR limit, trial 11) asks for something the previous
// answer did not show: the lead's sentences shown before step back. Only then: many follow-ups are rightly
// answered in part by a sentence shown before ("and compared with air?" after rail against sea), and scoring
// every such sentence down lost 6 of 108 follow-ups. lead.ts chooses the lead; this decides whether a
// follow-up's lead steps back from the previous answer's, and to what.
import type { Lang } from '../domain/lang.js';
import { tokenize } from '../rag/tokenize.js';
import type { LeadSentence } from './compose-lead.js';
import { matchKey } from './passage-units.js';
import { withoutFrame } from './question-frame.js';
import { detectMarkets, withoutMarkets } from '../domain/markets.js';

/** Characters of a Chinese follow-up that say nothing of its subject ("那…呢？", "还能…吗？"). */
const FOLLOW_UP_FILLER = new Set('那呢吗吧啊的了是还能么要有');
/** Words that say what kind of answer a follow-up wants, not what about (their match keys): "а срок на претензию какой?"
 * after the SMGS delay penalty found its "срок" in "нарушивший срок доставки" and repeated the penalty, not the section
 * that says no claim period is in the sources (trial 24 t24-06). */
const KIND_OF_ANSWER = new Set(['срок', 'deadlin', 'period']);
/** A follow-up's word whose corpus weight is under this share of its own words' mean is too common to tell what it asks. */
const TELLING = 0.5;
/** A sentence the previous answer showed first, when the question follows it up. */
const W_SHOWN_BEFORE = 0.5;
/** When a follow-up's answer would repeat the previous one: a sentence that names the follow-up's own word.
 * ×1.1 / 1.25 / 1.5 kept follow-ups at 98 of 108; put first whatever its score, "and at manzhouli?" after a
 * gauge question was led by the crossings note instead of the gauge note's line (97). */
const W_NAMES_FOLLOW_UP = 1.25;

/** A candidate sentence of the lead, with whether the previous answer showed it. */
export type StepBackCandidate = LeadSentence & {
  shownBefore: boolean;
  /** The sentence's heading path, its section's heading last. */
  headingPath?: readonly string[];
  /** Shown before cut short, most of it unread. */
  partlyShown?: boolean;
};
/** A chosen sentence as shown (cut to its room). */
export type ShownSentence = LeadSentence & { budget: number; shown: string };

export interface StepBackInput<C extends StepBackCandidate> {
  /** The question as searched: the one before it, then the follow-up. */
  question: string;
  /** The follow-up as the person wrote it. */
  followUp: string;
  lang: Lang;
  /** The ranked candidates and the lead chosen from them. */
  pool: C[];
  chosen: ShownSentence[];
  /** The lead composed from candidates (lead.ts: composeLead, each sentence cut to its room). */
  compose: (pool: readonly C[]) => ShownSentence[];
  /** Every word of each passage (by its key), heading and sentences together. */
  sectionWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** The question's words (by their key) with their corpus weight. */
  wordWeight?: ReadonlyMap<string, number>;
}

/** The lead again, stepped back from the previous answer's sentences when it would only repeat them. */
export function stepBack<C extends StepBackCandidate>(input: StepBackInput<C>): { pool: C[]; chosen: ShownSentence[] } {
  const { question, followUp, lang, pool, chosen, compose, sectionWords } = input;
  // Chinese is compared by characters: the follow-up's bigrams ("铝制", "制品") rarely recur as such.
  // Not a word the question before it had: "那没卖掉的要到什么时候清算？" after "…还没卖出去的也行吗" names "卖" again, and
  // the refund rule shown first, which says goods need not be sold ("不必…卖出"), was shown again (trial 20 t20-15).
  const before = question.endsWith(followUp) ? question.slice(0, -followUp.length) : '';
  const beforeWords = new Set([...tokenize(before).map(matchKey), ...(before.match(/\p{Script=Han}/gu) ?? [])]);
  // Nor its framing: "什么时候" asks for a date, and its "时" named the train sentence's "用时18天" (t20-15).
  const own = withoutFrame(followUp, lang);
  const candidates = [...tokenize(own).map(matchKey), ...(own.match(/\p{Script=Han}/gu) ?? [])].filter(
    (w) => !beforeWords.has(w) && !KIND_OF_ANSWER.has(w),
  );
  // A word far commoner in the corpus than the follow-up's other words (its weight under TELLING of their mean) tells little of
  // what it asks: "ясно. а по возвратам на Ozon кто платит доставку и что с товаром?" after the July 2026 parcel duty found its
  // "товар" in the duty sentence ("для отдельных товаров"), which then led again over Ozon's returns (trial 30 t30-13). A word
  // without a weight (a single Chinese character) is kept.
  const weighed = candidates.flatMap((w) => input.wordWeight?.get(w) ?? []);
  const mean = weighed.reduce((a, b) => a + b, 0) / Math.max(1, weighed.length);
  const ownWords = candidates.filter((w) => (input.wordWeight?.get(w) ?? mean) >= TELLING * mean);
  const namesOwnWord = (lead: ReadonlyArray<{ shown: string }>) =>
    lead.some((c) => {
      const keys = new Set([...tokenize(c.shown).map(matchKey), ...(c.shown.match(/\p{Script=Han}/gu) ?? [])]);
      return ownWords.some((w) => keys.has(w) && !FOLLOW_UP_FILLER.has(w));
    });
  // …and none of the follow-up's own words is in it: "and compared with air?" after rail against sea is
  // answered by the ratio sentence shown before, which names air.
  const wasShown = (c: { passageKey: string; text: string }) =>
    pool.find((e) => e.passageKey === c.passageKey && e.text === c.text)?.shownBefore ?? false;
  // Judged on the whole lead: judged on its first sentence alone, "а где тогда перегружают контейнеры?" after
  // the gauge widths stepped from the gauge note to the crossings note's pointer (follow-ups 98 → 97).
  // Or opened by the sentence shown before, which lacks the follow-up's own words: "what if we switch to CIP for
  // the rail shipments?" after the CIF minimum cover opened with that line again (trial 15 t15-34).
  // Or by sentences shown before that name the follow-up's word in passing, when another section is headed by it: "and VAT
  // on these parcels, is that coming too?" after the July 2026 parcel duty "…plus national VAT…" was shown that line again,
  // not "Will every parcel pay Russian VAT?" (trial 31 t31-12).
  // By a word of its subject: not a market it names ("and for Kazakhstan?" after Kyrgyz certificates for Russia is asked of
  // the same subject, t18c-15), nor Chinese, whose character pairs say little alone ("铝材还能退吗？": "能退" heads the
  // e-commerce note's "能退税，还是只能免税？", fh-18).
  const subjectWords = new Set(tokenize(withoutMarkets(own, detectMarkets(own))).map(matchKey));
  const headingWords = ownWords.filter((w) => subjectWords.has(w) && !/\p{Script=Han}/u.test(w));
  const headed = (e: { headingPath?: readonly string[] }) => {
    const keys = new Set(tokenize(e.headingPath?.at(-1) ?? '').map(matchKey));
    return headingWords.some((w) => keys.has(w));
  };
  const shownKeys = new Set(chosen.map((c) => c.passageKey));
  const otherSectionHeaded =
    chosen.every(wasShown) &&
    !chosen.some((c) => headed(pool.find((e) => e.passageKey === c.passageKey) ?? {})) &&
    pool.some((e) => !shownKeys.has(e.passageKey) && headed(e));
  const repeated =
    (chosen.every(wasShown) && (!namesOwnWord(chosen) || otherSectionHeaded)) ||
    (chosen[0] !== undefined && wasShown(chosen[0]) && !namesOwnWord([chosen[0]]));
  if (!repeated) return { pool, chosen };
  // The sentences that name what the follow-up asks about count more: "那铝型材呢？" after the rebate rates is
  // answered by "取消出口退税：铝、铜…", though a rate cut for other goods scores higher (trial 12).
  // When another section is headed by the follow-up's word, its sentences are the ones that name it.
  const naming = (e: { text: string; headingPath?: readonly string[] }) =>
    otherSectionHeaded ? headed(e) : namesOwnWord([{ shown: e.text }]);
  // A sentence shown cut short that names what the follow-up asks was not read where it answers it: "…自预退税次月起至
  // 次年 4 月…" before "那预退税最晚什么时候要结清" (trial 21 t21-08).
  const rescored = pool.map((e) =>
    e.shownBefore && !(e.partlyShown && naming(e)) ? { ...e, score: e.score * W_SHOWN_BEFORE } : e,
  );
  const ranked = rescored
    .map((e) => (naming(e) ? { ...e, score: e.score * W_NAMES_FOLLOW_UP } : e))
    .sort((a, b) => b.score - a.score);
  // Another document's sentence joins it only if it names what the follow-up asks: the Moscow train's days, matched
  // on the trip the 9810 question named, cut the pre-refund deadline to "…至次年 4 月…" (trial 20 t20-15).
  const other = compose(ranked.filter((e) => e.n === ranked[0]?.n || naming(e)));
  // Replaced only by sentences that name what the follow-up asks about: after the rebate rates, "那铝制品呢？"
  // would otherwise be answered with an anti-dumping rate.
  // Or by a section that does, though its sentence says it otherwise: "а сколько времени есть на претензию?"
  // after the CMR limit is answered by "срок исковой давности — 1 год" of the section that names the claim
  // (trial 18 t18-07 repeated the limit).
  // Another section than the one read before: "要多久？" after the preliminary decision named its own heading
  // ("…要等多久？"), whose first sentence, shown before, holds the 90 days.
  const readBefore = new Set(chosen.filter(wasShown).map((c) => c.passageKey));
  const ownSection = other.some(
    (c) =>
      !readBefore.has(c.passageKey) &&
      ownWords.some((w) => !FOLLOW_UP_FILLER.has(w) && w.length > 1 && sectionWords.get(c.passageKey)?.has(w)),
  );
  if (!namesOwnWord(other) && !ownSection) return { pool, chosen };
  return { pool: rescored.sort((a, b) => b.score - a.score), chosen: other };
}
