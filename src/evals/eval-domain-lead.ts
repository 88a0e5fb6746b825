// The direct answer on the domain question sets: is the key fact in the lead, and is the right section
// (not only the right document) among the first three passages? Annotations (evals/annotations/*.jsonl)
// name, per question, the section of the answering document that states the key fact and one to three
// verbatim key terms a correct answer must contain (checked by evals/annotations/check.mjs).
import { z } from 'zod';
import { composeRetrievalAnswer } from '../assistant/retrieval-answer.js';
import { retrieveFused } from '../assistant/retrieve.js';
import { planRetrieval } from '../assistant/retrieval-plan.js';
import { readJsonl } from '../rag/eval-retrieval.js';
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import type { DomainQuestion } from './eval-domain.js';

const alternative = z.object({ doc: z.string().optional(), section: z.string(), key_terms: z.array(z.string()) });
const annotation = z.object({
  id: z.string(),
  section: z.string().nullable(),
  key_terms: z.array(z.string()),
  /** Further sections that state the key fact (or the part one part of the question asks for) as
   * directly as the first; annotated without seeing the assistant's answers (evals/annotations/README.md). */
  also: z.array(alternative).optional(),
});
export type Annotation = z.infer<typeof annotation>;
export const readAnnotations = (path: string) => new Map(readJsonl(path, annotation).map((a) => [a.id, a]));

export interface LeadRow {
  id: string;
  lang: string;
  category: string;
  /** At least half of the key terms (1 of 1–2, 2 of 3) of the first annotated section are in the lead. */
  keyInLead: boolean;
  /** The same for the first section or any of the further ones (`also`). */
  keyInLeadAny: boolean;
  /** One of the annotated sections (the first or a further one) is among the first three passages. */
  sectionTop3Any: boolean;
  /** Every key term is in the lead. */
  allKeyTermsInLead: boolean;
  sectionTop3: boolean;
  lead: string;
  weak: boolean;
}

export interface LeadReport {
  questions: number;
  keyInLead: number;
  keyInLeadAny: number;
  allKeyTermsInLead: number;
  sectionTop3: number;
  sectionTop3Any: number;
  meanLeadChars: number;
  byLang: Record<string, GroupFigures>;
  byCategory: Record<string, GroupFigures>;
  misses: LeadRow[];
  /** Every question's row, for comparing two runs question by question. */
  rows: LeadRow[];
}

export interface GroupFigures {
  n: number;
  keyInLead: number;
  sectionTop3: number;
  keyInLeadAny: number;
  sectionTop3Any: number;
}

// Chinese text sets Latin letters and digits off with spaces in some documents and not in others
// ("普通 A4 纸", "普通A4纸"): a typographic difference, not another term.
const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(?<=\p{Script=Han}) | (?=\p{Script=Han})/gu, '');

export async function evalDomainLead(
  kb: KnowledgeBase,
  questions: readonly DomainQuestion[],
  annotations: ReadonlyMap<string, Annotation>,
): Promise<LeadReport> {
  const rows: LeadRow[] = [];
  let chars = 0;
  for (const q of questions) {
    const a = annotations.get(q.id);
    if (!a?.section) continue;
    const plan = planRetrieval(q.question);
    const hits = await retrieveFused(kb, plan.queries, q.lang, {
      k: 5,
      markets: plan.markets,
      weights: plan.weights,
      queryMarkets: plan.queryMarkets,
      regulations: plan.regulations,
      ...(plan.ownNote ? { ownNote: plan.ownNote } : {}),
      understood: plan.understood,
    });
    const answer = await composeRetrievalAnswer({
      // As the assistant answers it (without-model.ts): the question as understood, with the words the plan adds.
      question: plan.understood,
      lang: q.lang,
      hits,
      kb,
      markets: plan.markets,
      products: plan.products,
      regulations: plan.regulations,
      ...(plan.ownNote ? { ownNote: plan.ownNote } : {}),
    });
    const lead = answer.lead?.text ?? '';
    chars += lead.length;
    const alternatives = [
      { doc: q.answers[0], section: a.section, key_terms: a.key_terms, first: true },
      ...(a.also ?? []).map((x) => ({ ...x, first: false })),
    ];
    const lower = norm(lead);
    const hasKey = (terms: readonly string[]) =>
      terms.length > 0 && terms.filter((t) => lower.includes(norm(t))).length >= Math.ceil(terms.length / 2);
    const shows = (doc: string | undefined, section: string, anyAnswerDoc: boolean) =>
      answer.citations.slice(0, 3).some((c) => {
        const base = c.docId.replace(/-(zh|ru|en)$/, '');
        return (
          (anyAnswerDoc ? q.answers.includes(base) : base === doc) && norm(c.headingPath.at(-1) ?? '') === norm(section)
        );
      });
    rows.push({
      id: q.id,
      lang: q.lang,
      category: q.category,
      keyInLead: hasKey(a.key_terms),
      keyInLeadAny: alternatives.some((x) => hasKey(x.key_terms)),
      allKeyTermsInLead: a.key_terms.length > 0 && a.key_terms.every((t) => lower.includes(norm(t))),
      sectionTop3: shows(q.answers[0], a.section, true),
      sectionTop3Any: alternatives.some((x) => shows(x.doc ?? q.answers[0], x.section, x.first)),
      lead,
      weak: answer.evidence.weak,
    });
  }
  const share = (xs: LeadRow[], f: (r: LeadRow) => boolean) =>
    xs.length ? Math.round((xs.filter(f).length / xs.length) * 1000) / 1000 : 0;
  const group = (key: (r: LeadRow) => string) => {
    const out: LeadReport['byLang'] = {};
    for (const k of new Set(rows.map(key))) {
      const xs = rows.filter((r) => key(r) === k);
      out[k] = {
        n: xs.length,
        keyInLead: share(xs, (r) => r.keyInLead),
        sectionTop3: share(xs, (r) => r.sectionTop3),
        keyInLeadAny: share(xs, (r) => r.keyInLeadAny),
        sectionTop3Any: share(xs, (r) => r.sectionTop3Any),
      };
    }
    return out;
  };
  return {
    questions: rows.length,
    keyInLead: share(rows, (r) => r.keyInLead),
    keyInLeadAny: share(rows, (r) => r.keyInLeadAny),
    allKeyTermsInLead: share(rows, (r) => r.allKeyTermsInLead),
    sectionTop3: share(rows, (r) => r.sectionTop3),
    sectionTop3Any: share(rows, (r) => r.sectionTop3Any),
    meanLeadChars: Math.round(chars / Math.max(1, rows.length)),
    byLang: group((r) => r.lang),
    byCategory: group((r) => r.category),
    misses: rows.filter((r) => !r.keyInLeadAny || !r.sectionTop3Any),
    rows,
  };
}
