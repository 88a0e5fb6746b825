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

const annotation = z.object({ id: z.string(), section: z.string().nullable(), key_terms: z.array(z.string()) });
export type Annotation = z.infer<typeof annotation>;
export const readAnnotations = (path: string) => new Map(readJsonl(path, annotation).map((a) => [a.id, a]));

export interface LeadRow {
  id: string;
  lang: string;
  category: string;
  /** At least half of the key terms (1 of 1–2, 2 of 3) are in the lead. */
  keyInLead: boolean;
  /** Every key term is in the lead. */
  allKeyTermsInLead: boolean;
  sectionTop3: boolean;
  lead: string;
  weak: boolean;
}

export interface LeadReport {
  questions: number;
  keyInLead: number;
  allKeyTermsInLead: number;
  sectionTop3: number;
  meanLeadChars: number;
  byLang: Record<string, { n: number; keyInLead: number; sectionTop3: number }>;
  byCategory: Record<string, { n: number; keyInLead: number; sectionTop3: number }>;
  misses: LeadRow[];
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

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
    const hits = await retrieveFused(kb, plan.queries, q.lang, { k: 5, markets: plan.markets, weights: plan.weights });
    const answer = await composeRetrievalAnswer({
      question: q.question,
      lang: q.lang,
      hits,
      kb,
      markets: plan.markets,
      products: plan.products,
    });
    const lead = answer.lead?.text ?? '';
    chars += lead.length;
    const section = norm(a.section);
    rows.push({
      id: q.id,
      lang: q.lang,
      category: q.category,
      keyInLead:
        a.key_terms.filter((t) => norm(lead).includes(norm(t))).length >= Math.ceil(a.key_terms.length / 2) &&
        a.key_terms.length > 0,
      allKeyTermsInLead: a.key_terms.length > 0 && a.key_terms.every((t) => norm(lead).includes(norm(t))),
      sectionTop3: answer.citations
        .slice(0, 3)
        .some(
          (c) =>
            q.answers.includes(c.docId.replace(/-(zh|ru|en)$/, '')) && norm(c.headingPath.at(-1) ?? '') === section,
        ),
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
      out[k] = { n: xs.length, keyInLead: share(xs, (r) => r.keyInLead), sectionTop3: share(xs, (r) => r.sectionTop3) };
    }
    return out;
  };
  return {
    questions: rows.length,
    keyInLead: share(rows, (r) => r.keyInLead),
    allKeyTermsInLead: share(rows, (r) => r.allKeyTermsInLead),
    sectionTop3: share(rows, (r) => r.sectionTop3),
    meanLeadChars: Math.round(chars / Math.max(1, rows.length)),
    byLang: group((r) => r.lang),
    byCategory: group((r) => r.category),
    misses: rows.filter((r) => !r.keyInLead || !r.sectionTop3),
  };
}
