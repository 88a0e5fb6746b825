// Which passage shows each retrieved document: its section that answers the question best
// (section-ranker.ts), not the chunk that made the document match; the first document also by its
// runner-up section when that scores close — a question often asks two things one document answers
// in two sections (docs/decisions/021-section-ranking.md). Shared by the retrieval-only answer and
// the retrieval benchmark, so the benchmark times what a turn does.
import type { Hit } from '../domain/knowledge.js';
import type { UserHit } from './retrieve.js';
import { joinChunks } from '../rag/split-text.js';
import { questionTypes } from './question-type.js';
import { yearsIn } from './asked-years.js';
import { withoutFrame } from './question-frame.js';
import { tokenize } from '../rag/tokenize.js';
import { questionParts } from './question-parts.js';
import { kindsOf } from './other-kind.js';
import { detectLang } from '../i18n/detect-lang.js';
import { askedMarkets, marketName, MARKETS, stemAt, withoutMarkets } from '../domain/markets.js';
import { namedRegulations } from '../domain/regulations.js';
import { isMarkingScheme, namedRegimes, withoutMarkingScheme } from '../domain/legal-conventions.js';

/** A question that asks a rate ("ндс при ввозе в Кыргызстан сколько?") is answered by the section on the
 * rate ("Какие ставки НДС и налога с продаж?"), though it rarely says the word: without it the section on
 * how the VAT base of "risky" goods is counted was shown (trial 8). Domain sets: annotated section in the
 * first three .809 → .812; a duration's words ("срок", "时间", "time") changed nothing. */
function rateWord(question: string): string {
  if (!questionTypes(question).includes('amount')) return '';
  return /\p{Script=Han}/u.test(question) ? '税率' : /\p{Script=Cyrillic}/u.test(question) ? 'ставка' : 'rate';
}

/** "What EAC document?", "какой документ ЕАС?", "要什么EAC文件？" asks which of certificate, declaration or registration:
 * the section that names them answers (trial 18 t18-33 was shown the goods outside the regulation, whose list
 * names "baby food", for cotton pyjamas for babies). */
function documentWords(question: string): string {
  if (!/eac|еас|еаэс|eaeu|tr\s*cu|тр\s*тс/i.test(question)) return '';
  if (/\bdocuments?\b/i.test(question)) return 'certificate declaration SGR';
  if (/документ/i.test(question)) return 'сертификат декларация СГР';
  if (/文件|单证/.test(question)) return '证书 声明 国家注册';
  return '';
}

/** How many sections of each document are ranked: a dated one further down can come first (datedFirst). */
const DATED_DEPTH = 6;
const MONTHS: ReadonlyArray<RegExp> = [
  /\bjan(?:uary)?\b|январ|(?<!\d)1月/iu,
  /\bfeb(?:ruary)?\b|феврал|(?<!\d)2月/iu,
  /\bmar(?:ch)?\b|(?<![а-яё])март|(?<!\d)3月/iu,
  /\bapr(?:il)?\b|апрел|(?<!\d)4月/iu,
  /\bmay\b|(?<![а-яё])ма[йя](?![а-яё])|(?<!\d)5月/iu,
  /\bjune?\b|июн|(?<!\d)6月/iu,
  /\bjuly?\b|июл|(?<!\d)7月/iu,
  /\baug(?:ust)?\b|август|(?<!\d)8月/iu,
  /\bsep(?:t|tember)?\b|сентябр|(?<!\d)9月/iu,
  /\boct(?:ober)?\b|октябр|10月/iu,
  /\bnov(?:ember)?\b|ноябр|11月/iu,
  /\bdec(?:ember)?\b|декабр|12月/iu,
];
/** The month and year a question names ("what changes in july 2026?"), when it names both. */
function askedDate(question: string): { years: string[]; months: RegExp[] } | undefined {
  const years = yearsIn(question);
  const months = MONTHS.filter((m) => m.test(question));
  return years.length && months.length ? { years, months } : undefined;
}

/**
 * "what changes in july 2026?": the section whose heading names that month and year answers ("What duty rules
 * were due from 1 July 2026?"), though the message's other words ("small parcels", "ozon shop") rank the section
 * on returns first (trial 18 t18-26). Such a section, among a document's first six, comes first.
 */
function datedFirst(
  { years, months }: { years: string[]; months: RegExp[] },
  ranked: Map<string, Hit[]>,
): Map<string, Hit[]> {
  const dated = (h: Hit) => {
    const heading = h.headingPath.slice(1).join(' ');
    return years.some((y) => heading.includes(y)) && months.some((m) => m.test(heading));
  };
  return new Map(
    [...ranked].map(([id, hs]) => {
      const at = hs.findIndex(dated);
      const order = at > 0 ? [{ ...hs[at]!, score: hs[0]!.score }, ...hs.filter((_, i) => i !== at)] : hs;
      return [id, order.slice(0, 2)];
    }),
  );
}

/** How many of a document's sections are read for a runner-up that holds the question's rare words. */
const RARE_DEPTH = 4;
/** A word is rare when its corpus weight is at least this share of the rarest word's (product names: "铝箔"). */
const RARE_SHARE = 0.6;
/** …and a section holding it replaces the runner-up when it scores this share of it. 0.8 lost a domain answer. */
const RARE_NEAR = 0.95;

/**
 * "…欧亚经济联盟对中国铝箔是不是有反倾销税，大概多少": the anti-dumping note's section that lists aluminium foil's
 * 17.16–20.24% ranked third, a hair under the runner-up on how many measures target China (22.98 against 23.33): a long
 * list is scored down by its length, and the product's name is one word in it (trial 25 t25-08). A section further down
 * that scores as well and holds more of the question's rare words than the best and the runner-up is the runner-up.
 * Domain unchanged; as the best section, or from further down, it cost 3–10 domain answers.
 */
function rareRunnerUp(question: string, index: SectionRanker, ranked: Map<string, Hit[]>): Map<string, Hit[]> {
  const floor = RARE_SHARE * index.maxIdf();
  const rare = [...new Set(tokenize(question))].filter((t) => t.length > 1 && index.termIdf(t) >= floor);
  return new Map(
    [...ranked].map(([id, hs]) => {
      // Only a section that scores as well as the runner-up is read word by word (this runs on every turn).
      const near = hs.some((h, i) => i >= 2 && h.score >= RARE_NEAR * hs[1]!.score);
      if (rare.length === 0 || !near) return [id, hs.slice(0, 2)];
      const chunks = index.chunksOf(id);
      const held = (h: Hit) => {
        const words = new Set(
          tokenize(
            chunks
              .filter((c) => sameSection(c, h))
              .map((c) => c.text)
              .join(' '),
          ),
        );
        return rare.filter((t) => words.has(t)).reduce((a, t) => a + index.termIdf(t), 0);
      };
      const w = hs.map(held);
      const at = hs.findIndex(
        (h, i) => i >= 2 && w[i]! > w[1]! && w[i]! > w[0]! && h.score >= RARE_NEAR * hs[1]!.score,
      );
      return [id, at > 0 ? [hs[0]!, { ...hs[at]!, score: hs[1]!.score }] : hs.slice(0, 2)];
    }),
  );
}

/** Whether the question writes the market's country name (in any of the three languages; a Russian name without its
 * ending: "в Казахстане", "России"), not only its people or language ("kazakh", "казахский", "哈萨克客户"). */
function namesCountry(question: string, market: string): boolean {
  const lower = question.toLowerCase().replace(/ё/g, 'е');
  const named = (['en', 'zh', 'ru'] as const).some((lang) => {
    const name = marketName(market, lang).toLowerCase().replace(/ё/g, 'е');
    return lower.includes(lang === 'ru' ? name.slice(0, -1) : name);
  });
  // Its abbreviation is its name too ("в РФ").
  return named || (MARKETS[market]?.stems ?? []).some((stem) => stem.length <= 3 && stemAt(` ${lower} `, stem) >= 0);
}

/** The first document's runner-up section is shown when it scores at least this share of its best. */
export const SECOND_SECTION_RATIO = 0.5;
/** …and a third of it when the message asks two questions: "出口防噪音耳塞…是做декларация还是сертификат？另外劳保手套…要不要贴
 * Честный ЗНАК码" showed only the PPE note's marking section, its "劳保用品做认证还是声明？" at 0.42 of it (trial 23 t23-20).
 * Domain section in the first three .853 → .857 (any .911 → .914; heldout-004), key terms unchanged; 0.4 changed nothing. */
const SECOND_SECTION_RATIO_PARTS = 0.3;
/** Two documents the search scores within this share of each other are equally likely to answer: the runner-up
 * section shown may be the second one's (below). Domain section in the first three .857 → .860 (any .914 → .920), key
 * terms .713 → .716 (zh .748 → .757); without the conditions below .872, but the Kyrgyz VAT rate then led with a hedge
 * on "risky" goods and a two-question message lost its second section. */
const TIED_DOCUMENTS = 0.95;
/** A follow-up's own words point a further document to another section when it scores this much more. */
const CLEARLY = 1.4;

export interface SectionRanker {
  rankSections(query: string, docIds: readonly string[], perDoc: number): Map<string, Hit[]>;
  /** A document's chunks in order. */
  chunksOf(docId: string): ReadonlyArray<{ headingPath: readonly string[]; text: string }>;
  /** A word's corpus weight (0 when the corpus lacks it), and the rarest word's. */
  termIdf(token: string): number;
  maxIdf(): number;
}

export function shownPassages<H extends UserHit>(
  question: string,
  hits: readonly H[],
  index: SectionRanker,
  followUp?: string,
): H[] {
  const words = `${question} ${rateWord(question)} ${documentWords(question)}`.trim();
  const ids = hits.map((h) => h.docId);
  const date = askedDate(question);
  const ranked = date
    ? datedFirst(date, index.rankSections(words, ids, DATED_DEPTH))
    : rareRunnerUp(question, index, index.rankSections(words, ids, RARE_DEPTH));
  // In a market's own note every section is about that market: its name in the question says which note, not which
  // section, and "kazakh" matched "Must labels be in Kazakh?" for "our kazakh distributor prices with 12% import VAT"
  // instead of the 16% VAT section (trial 22 t22-24). Such notes rank their sections without the market's words.
  // Only when the question names the market by its people or language ("our kazakh distributor", "узбекский клиент"),
  // not by the country's name: "ввозной НДС в России" finds the Russian VAT note's line "Россия: …22%" by it — except in a
  // follow-up (below).
  {
    // In a follow-up the market's name says which note, whatever form it takes, and the question before it the topic:
    // "那乌兹别克斯坦呢？" after a question on registering a Kazakh contract showed the Uzbek note's "乌兹别克斯坦银行实际怎么做？"
    // by the name in its heading, not "合同要在哪里登记？" (trial 26 t26-02; follow-ups 101 → 102 of 111, fu-26, which
    // names no market itself: limited to the follow-up's own market it was lost again).
    const asked = askedMarkets(question).filter((m) => followUp !== undefined || !namesCountry(question, m));
    const own = hits
      .filter((h) => h.doc.countries.length === 1 && asked.includes(h.doc.countries[0]!))
      .map((h) => h.docId);
    const without = withoutMarkets(words, asked);
    if (own.length && without !== words) {
      const again = date
        ? datedFirst(date, index.rankSections(without, own, DATED_DEPTH))
        : index.rankSections(without, own, 2);
      for (const [id, hs] of again) if (hs.length) ranked.set(id, hs);
    }
  }
  // A union-wide technical regulation holds for every member alike: the asked market's name picks the one section that
  // names it, the Kazakh language on the label, for "毛绒玩具发哈萨克斯坦，客户说做个EAC DoC 就行…靠谱吗？", and the toy rule's
  // "certificate or declaration?" was not shown (domain heldout2-003). Such documents rank their sections without the
  // market's words. Domain section in the first three .860 → .866 (any .920 → .930), key terms unchanged. Not a follow-up:
  // "and Kazakhstan, same?" after LED lamps to Russia asks the section that names it.
  {
    const union = hits
      .filter((h) => h.doc.countries.length !== 1 && namedRegulations(h.doc.title).length > 0)
      .map((h) => h.docId);
    const without = withoutMarkets(words, askedMarkets(question));
    if (union.length && !date && followUp === undefined && without !== words && tokenize(without).length > 0)
      for (const [id, hs] of index.rankSections(without, union, 2)) if (hs.length) ranked.set(id, hs);
  }
  // In a note about the marking scheme the question names ("нужна ли маркировка честный знак для обуви?") every section is
  // about it: its name says which note, not which section, and the note's "what is it?" and "is marking needed on machine
  // tools?" (by "нужна ли", the framing) were shown before the section whose list names footwear. Not a question that
  // asks a kind of answer ("…Честный знак обязателен?? с какого числа": the name's words are in the dated section that
  // answers it, whose "вафель" the question's "вафли" does not match).
  {
    const named = questionTypes(question).length ? [] : namedRegimes(question).filter(isMarkingScheme);
    const own = named.length
      ? hits.filter((h) => namedRegimes(h.doc.title).some((r) => named.includes(r))).map((h) => h.docId)
      : [];
    const without = withoutMarkingScheme(words);
    const topic = withoutFrame(without, detectLang(question)?.lang ?? 'en');
    if (own.length && tokenize(topic).length > 0)
      for (const [id, hs] of index.rankSections(topic, own, 2)) if (hs.length) ranked.set(id, hs);
  }
  // A follow-up read with the question before it ranks the first document's sections by both; its own
  // words alone may point to another section of that document ("and how long do I have to file?" after
  // the CMR limit: the claim period), which is then shown as the runner-up.
  if (followUp && hits[0]) {
    const docId = hits[0].docId;
    const sectionOf = (words: string) => (words ? index.rankSections(words, [docId], 1).get(docId)?.[0] : undefined);
    const first = ranked.get(docId) ?? [];
    let own = sectionOf(`${followUp} ${rateWord(followUp)}`.trim());
    // Pointed back at the section shown first by its framing alone: "а сколько времени есть на претензию?" matched
    // "Сколько заплатит перевозчик…" by "сколько"; its topic words name the claim period (trial 18 t18-07 repeated
    // the limit). The framing counts otherwise: "how long" is what finds the claim period in English.
    const topic = withoutFrame(followUp, detectLang(followUp)?.lang ?? 'en');
    // ("要多久？" has none: "要" alone would pick any section.)
    if (own && first[0] && sameSection(own, first[0]) && tokenize(topic).some((t) => t.length > 1))
      own = sectionOf(topic.trim()) ?? own;
    if (own && first[0] && !sameSection(own, first[0]))
      ranked.set(hits[0].docId, [first[0], { ...own, score: first[0].score }]);
    // A further document titled by the follow-up's own subject is shown by the section its words point to:
    // "那保险要保多少?" after a CIF-for-rail question showed the insurance note's rail advice, not its 110%
    // rule (trial 18 t18-21).
    // Only for a follow-up that asks a kind of answer (how much, how long, when), clearly by its words: "а если
    // на партию?" after a declaration's validity moved the validity note from the section on how long a
    // declaration for a batch lasts to the one on choosing series or batch (follow-up fh-07 lost).
    const subject = tokenize(topic).filter((t) => t.length > 1);
    const further = questionTypes(followUp).length > 0 ? hits.slice(1) : [];
    for (const hit of further) {
      const title = new Set(tokenize(hit.doc.title));
      if (!subject.some((t) => title.has(t))) continue;
      const best = ranked.get(hit.docId)?.[0];
      const [ownSection, ...rest] = index.rankSections(topic.trim(), [hit.docId], 50).get(hit.docId) ?? [];
      if (!best || !ownSection || sameSection(best, ownSection)) continue;
      const shownScore = rest.find((h) => sameSection(h, best))?.score ?? 0;
      if (ownSection.score >= CLEARLY * shownScore) ranked.set(hit.docId, [{ ...ownSection, score: best.score }]);
    }
  }
  // A follow-up that asks a section's heading in so many words ("certificate or declaration?" after the regulations
  // of a packaging machine) is answered by that section in whichever document has it: the machinery note showed
  // its section on the other regulations again, and the packaging note's declaration rule led (trial 20 t20-14).
  if (followUp) {
    const asked = new Set(tokenize(withoutFrame(followUp, detectLang(followUp)?.lang ?? 'en')));
    for (const hit of hits) {
      const sections = index.rankSections([...asked].join(' '), [hit.docId], 50).get(hit.docId) ?? [];
      const named = sections.find((h) => {
        // The scheme's name is no question: "Что такое «Честный ЗНАК»?" took the place of the section on where codes are
        // applied for a follow-up that names the scheme (trial 31 t31-01).
        const heading = tokenize(withoutMarkingScheme(h.headingPath.at(-1) ?? ''));
        return heading.length >= 2 && heading.every((t) => asked.has(t));
      });
      const best = ranked.get(hit.docId)?.[0];
      if (named && best && !sameSection(named, best)) ranked.set(hit.docId, [{ ...named, score: best.score }]);
    }
  }
  // A section headed by another kind than the one the question asks ("…if the container arrives late?" for "what if the
  // container gets lost on the railway - how much does the railway pay us?") gives way to the best one that is not
  // (other-kind.ts; trial 29 t29-20). Read of the message's own words: a follow-up ("а на мягкие игрушки?" after men's
  // jackets) names its own kind or none, and the sections shown for it are picked by its own words above.
  const otherKind = kindsOf(followUp ?? question).other;
  const otherHeading = (h: Hit) => otherKind(h.headingPath.at(-1) ?? '');
  for (const hit of hits) {
    const [best, next] = ranked.get(hit.docId) ?? [];
    if (!best || !(otherHeading(best) || (next && otherHeading(next)))) continue;
    const sections = index.rankSections(words, [hit.docId], RARE_DEPTH).get(hit.docId) ?? [];
    if (otherHeading(best)) {
      const own = sections.find((h) => !otherHeading(h));
      if (own) ranked.set(hit.docId, [{ ...own, score: best.score }, ...sections.filter((h) => h !== own).slice(0, 1)]);
      continue;
    }
    // So does the runner-up: "…gloves and ear muffs … declaration ok for both? also heard TR 019 is changing in 2026??"
    // had the PPE note's marking section beside its scope, and its "Certificate or declaration for PPE?" not at all (trial
    // 30 t30-06).
    const own = sections.find((h) => !sameSection(h, best) && !otherHeading(h));
    if (own) ranked.set(hit.docId, [best, own]);
  }
  const oneQuestion = questionParts(question).length === 1;
  const secondRatio = oneQuestion ? SECOND_SECTION_RATIO : SECOND_SECTION_RATIO_PARTS;
  const runnerUpRatio = (hit: H | undefined) => {
    const [best, next] = (hit && ranked.get(hit.docId)) ?? [];
    return best && next && !sameSection(best, next) && best.score > 0 ? next.score / best.score : 0;
  };
  // The runner-up slot goes to the second document when the search could not tell the two apart and the first has
  // no close runner-up: "换轨在哪里进行？" put the zone platform's note a hair ahead of the gauge note, whose
  // "在哪些口岸换装？" answers where. Not for a message of two questions (the first document's section on the other
  // question keeps the slot, t23-20), nor a follow-up (its own words pick sections above).
  const [s0, s1] = [hits[0]?.score ?? 0, hits[1]?.score ?? 0];
  const tied =
    !followUp &&
    oneQuestion &&
    Math.min(s0, s1) >= TIED_DOCUMENTS * Math.max(s0, s1) &&
    runnerUpRatio(hits[0]) < secondRatio &&
    runnerUpRatio(hits[1]) > runnerUpRatio(hits[0]);
  const shown: H[] = [];
  for (const [i, hit] of hits.entries()) {
    const [best, next] = ranked.get(hit.docId) ?? [];
    // The passage changes, the document's retrieval evidence stays.
    const keep = {
      score: hit.score,
      ranks: hit.ranks,
      ...(hit.translatedFrom ? { translatedFrom: hit.translatedFrom } : {}),
    };
    shown.push(wholeSection(index, best ? ({ ...best, ...keep } as H) : hit));
    // Two chunks of one section are one passage once the section is read whole: shown twice, the reply
    // repeated itself ("Нужен ли казахский язык на этикетке?" as [1] and [2], trial 5).
    if (i === (tied ? 1 : 0) && best && next && !sameSection(best, next) && next.score >= secondRatio * best.score)
      shown.push(wholeSection(index, { ...next, ...keep } as H));
  }
  // As many passages as the search returned: a second section takes the last document's place.
  return shown.slice(0, hits.length);
}

/**
 * A section longer than a chunk is split in several; the one that ranked first may not hold the
 * section's answer ("Каждая игрушка … должна получить сертификат" sat in the chunk before the one
 * shown). The section is read whole — its chunks joined, the sentence or list item each repeats
 * of the one before dropped — and shown cut around its best sentence.
 */
function wholeSection<H extends UserHit>(index: SectionRanker, hit: H): H {
  const parts = index.chunksOf(hit.docId).filter((p) => sameSection(p, hit));
  if (parts.length <= 1) return hit;
  const text = joinChunks(parts.map((p) => p.text));
  return { ...hit, text };
}

type Sectioned = { headingPath: readonly string[] };
const sameSection = (a: Sectioned, b: Sectioned) =>
  a.headingPath.length === b.headingPath.length && a.headingPath.every((x, i) => x === b.headingPath[i]);
