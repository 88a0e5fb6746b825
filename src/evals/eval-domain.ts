// The domain retrieval evaluation: evals/datasets/domain.jsonl questions against the real knowledge
// base through the assistant's own retrieval (all languages, shown in the asker's language).
import { z } from 'zod';
import { retrieveFused } from '../assistant/retrieve.js';
import { planRetrieval } from '../assistant/retrieval-plan.js';
import { readJsonl } from '../rag/eval-retrieval.js';
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import { LANGS } from '../domain/lang.js';
import { CATEGORIES } from '../domain/knowledge.js';

export const domainQuestion = z.object({
  id: z.string().min(1),
  lang: z.enum(LANGS),
  question: z.string().min(1),
  answers: z.array(z.string().min(1)).min(1),
  key_fact: z.string().min(1),
  category: z.enum(CATEGORIES),
});
export type DomainQuestion = z.infer<typeof domainQuestion>;

export const readDomainQuestions = (path: string) => readJsonl(path, domainQuestion);

export interface DomainResult {
  id: string;
  lang: string;
  category: string;
  hitAt1: boolean;
  hitAt5: boolean;
  /** 1/rank of the first right document in the top 5, 0 when none is there. */
  reciprocalRank: number;
  /** Slugs of the top 5, in order. */
  top: string[];
  /** True when every shown passage is in the asker's language. */
  inAskerLanguage: boolean;
}

export interface GroupFigures {
  n: number;
  recallAt1: number;
  recallAt5: number;
  mrrAt5: number;
}

export interface DomainReport {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  byLang: Record<string, GroupFigures>;
  byCategory: Record<string, GroupFigures>;
  misses: DomainResult[];
}

export async function evalDomain(kb: KnowledgeBase, questions: readonly DomainQuestion[]): Promise<DomainReport> {
  const results: DomainResult[] = [];
  for (const q of questions) {
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
    const top = hits.map((h) => h.doc.slug);
    results.push({
      id: q.id,
      lang: q.lang,
      category: q.category,
      hitAt1: q.answers.includes(top[0] ?? ''),
      hitAt5: top.some((s) => q.answers.includes(s)),
      reciprocalRank: rr(top, q.answers),
      top,
      inAskerLanguage: hits.every((h) => h.lang === q.lang),
    });
  }
  const rate = (rs: DomainResult[], f: (r: DomainResult) => boolean) =>
    round(rs.filter(f).length / Math.max(1, rs.length));
  const group = (key: 'lang' | 'category') => {
    const out: Record<string, GroupFigures> = {};
    for (const k of [...new Set(results.map((r) => r[key]))].sort()) {
      const rs = results.filter((r) => r[key] === k);
      out[k] = {
        n: rs.length,
        recallAt1: rate(rs, (r) => r.hitAt1),
        recallAt5: rate(rs, (r) => r.hitAt5),
        mrrAt5: round(rs.reduce((a, r) => a + r.reciprocalRank, 0) / Math.max(1, rs.length)),
      };
    }
    return out;
  };
  return {
    questions: results.length,
    recallAt1: rate(results, (r) => r.hitAt1),
    recallAt5: rate(results, (r) => r.hitAt5),
    byLang: group('lang'),
    byCategory: group('category'),
    misses: results.filter((r) => !r.hitAt5),
  };
}

function rr(top: readonly string[], answers: readonly string[]): number {
  const i = top.findIndex((s) => answers.includes(s));
  return i < 0 ? 0 : 1 / (i + 1);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A question the knowledge base has no answer to (weather, cooking, sport). */
export const offTopicQuestion = z.object({ id: z.string().min(1), lang: z.enum(LANGS), question: z.string().min(1) });
export type OffTopicQuestion = z.infer<typeof offTopicQuestion>;
export const readOffTopicQuestions = (path: string) => readJsonl(path, offTopicQuestion);

export interface OffTopicReport {
  byLang: Record<string, { n: number; abstained: number; passagesPerQuestion: number }>;
}

/**
 * How many passages the assistant shows for questions it cannot answer: ideally none. Precision,
 * where the domain set measures recall — a tokenizer that cuts Chinese into single characters
 * finds "matches" for everything, which recall does not notice and this does.
 */
export async function evalOffTopic(kb: KnowledgeBase, questions: readonly OffTopicQuestion[]): Promise<OffTopicReport> {
  const byLang: OffTopicReport['byLang'] = {};
  for (const q of questions) {
    const plan = planRetrieval(q.question);
    const hits = await retrieveFused(kb, plan.queries, q.lang, {
      k: 5,
      markets: plan.markets,
      regulations: plan.regulations,
      ...(plan.ownNote ? { ownNote: plan.ownNote } : {}),
      understood: plan.understood,
    });
    const g = (byLang[q.lang] ??= { n: 0, abstained: 0, passagesPerQuestion: 0 });
    g.n++;
    if (hits.length === 0) g.abstained++;
    g.passagesPerQuestion += hits.length;
  }
  for (const g of Object.values(byLang)) g.passagesPerQuestion = round(g.passagesPerQuestion / g.n);
  return { byLang };
}
