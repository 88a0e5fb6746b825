// Which section of a document answers a question. Corpus-wide BM25 finds the right document but often
// the wrong section of it: the words that made the document match ("ТР ТС 017", "обувь") are in every
// section and decide nothing there. Within one document, a word is weighed by how few of its sections
// hold it (BM25 with the document's sections as the corpus), and a question word in the section's
// heading counts extra — the headings of the knowledge base are the questions their sections answer.
// The corpus-wide score stays as a prior. Measured on the four domain question sets (286 questions
// whose right document was among the first three): the annotated section ranked first for 187 by
// corpus BM25 alone, 207 with this ranker (docs/decisions/021-section-ranking.md).

export interface SectionTokens {
  /** How often each token occurs in the section's text. */
  counts: ReadonlyMap<string, number>;
  /** The section's length in tokens. */
  length: number;
  /** The tokens of its heading path below the title. */
  heading: ReadonlySet<string>;
  /** Its corpus-wide BM25 score for the question (0 when it did not match). */
  global: number;
  /** Its heading asks what the subject is ("Что такое ТР ТС 010/2011?", "What is the Middle Corridor?"). */
  definition?: boolean;
  /** Its heading asks when to turn to a professional ("When to ask a professional", "何时咨询专业人士"). */
  referral?: boolean;
}

/** A section on when to ask a lawyer, broker or specialist names the document's subject and the words a
 * question on any part of it uses ("broker says we need to pay утильсбор. what is it and is it going up?"
 * was shown "Calculating the fee … need a customs broker or a lawyer", trial 12); it answers a question
 * that asks whom to turn to. Two of the 314 annotated domain answers are such sections, both for such
 * questions; 0.8 / 0.6 / 0.4 left the domain figures and the follow-ups (98 of 108) as they were. */
export const REFERRAL_SECTION_WEIGHT = 0.6;
const REFERRAL_HEADING = /professional|whom\s+to\s+ask|специалист|к\s+кому\s+обра|专业人士|找谁咨询/iu;
const REFERRAL_QUESTION =
  /lawyer|attorney|counsel|professional|specialist|consultant|who\s+can\s+help|whom\s+(?:to|should)|юрист|адвокат|специалист|консультант|к\s+кому|律师|专业人士|顾问|找谁|咨询/iu;
export const isReferralHeading = (heading: string) => REFERRAL_HEADING.test(heading);
export const asksReferral = (question: string) => REFERRAL_QUESTION.test(question);

/** A section that says what the document's subject is names everything the document is about, so it
 * matches any question on the subject: asked whether a packing machine needs a certificate or a
 * declaration, "Что такое ТР ТС 010/2011?" outranked "Сертификат или декларация?". Unless the question
 * asks what something is, such a section's score counts this share (0.85 / 0.7 / 0.55 / 0.4: domain
 * sets' annotated section in the first three .825 → .828 / .831 / .828 / .815, key terms in the lead
 * .675 / .675 / .672 / .666). */
export const DEFINITION_SECTION_WEIGHT = 0.7;
const DEFINITION_HEADING = /^(?:что\s+так(?:ое|ие)|что\s+это|what\s+(?:is|are)\b)|是什么[？?]?$|^什么是/iu;
const DEFINITION_QUESTION = /что\s+так(?:ое|ие)|что\s+это\s+за|what\s+(?:is|are)\s|what's|是什么|什么是|是啥|啥是/iu;
export const isDefinitionHeading = (heading: string) => DEFINITION_HEADING.test(heading.trim());
export const asksDefinition = (question: string) => DEFINITION_QUESTION.test(question);

/** A section's tokens counted once, so that each question only looks its words up (bench:retrieval:
 * counting every section's tokens for every question was the section ranking's largest part). */
export function sectionTokens(
  body: readonly string[],
  heading: readonly string[],
  global = 0,
  definition = false,
): SectionTokens {
  const counts = new Map<string, number>();
  for (const t of body) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { counts, length: body.length, heading: new Set(heading), global, definition };
}

const K1 = 1.2;
const B = 0.75;
/** A question word in the heading counts this many times its in-document weight. */
export const HEADING_BOOST = 2;
/** The corpus-wide score, divided by the document's best, counts this much. */
export const GLOBAL_PRIOR = 3;

/** Chinese is tokenized in bigrams, which miss a question worded with other neighbours ("要办什么证"
 * against "需要认证还是声明"): its single characters count too, each weighed by how few of the
 * document's sections hold it, at this share of a word (0.3 / 0.6 / 1: domain zh section in the
 * first three .825 / .844 / .835, .806 without). HAN_PREFIX marks them apart from words. */
const HAN_WEIGHT = 0.6;
const HAN_PREFIX = '\u0001';
/** A text's Chinese characters as tokens of their own. */
export function hanTokens(text: string): string[] {
  return (text.match(/\p{Script=Han}/gu) ?? []).map((c) => HAN_PREFIX + c);
}

/** Scores of the sections of one document for the question's tokens, in the sections' order. */
export function scoreSections(
  query: readonly string[],
  sections: readonly SectionTokens[],
  definitionAsked = false,
  referralAsked = false,
): number[] {
  const n = sections.length;
  if (n === 0) return [];
  const terms = [...new Set(query)];
  const df = new Map<string, number>(terms.map((t) => [t, 0]));
  for (const section of sections)
    for (const t of terms) if (section.counts.has(t) || section.heading.has(t)) df.set(t, df.get(t)! + 1);
  const avgLength = sections.reduce((a, s) => a + s.length, 0) / n || 1;
  const bestGlobal = Math.max(0, ...sections.map((s) => s.global));
  return sections.map((s) => {
    let score = 0;
    for (const t of terms) {
      const d = df.get(t)!;
      if (d === 0) continue;
      const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      const tf = s.counts.get(t) ?? 0;
      const body = tf === 0 ? 0 : (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * s.length) / avgLength));
      score += (t.startsWith(HAN_PREFIX) ? HAN_WEIGHT : 1) * idf * (body + (s.heading.has(t) ? HEADING_BOOST : 0));
    }
    const total = score + (bestGlobal > 0 ? (GLOBAL_PRIOR * s.global) / bestGlobal : 0);
    const weighed = s.referral && !referralAsked ? total * REFERRAL_SECTION_WEIGHT : total;
    return s.definition && !definitionAsked ? weighed * DEFINITION_SECTION_WEIGHT : weighed;
  });
}
