// The answer when no LLM is configured: the best passages in the asker's language, numbered,
// with their sources and dates. Nothing is paraphrased, so nothing can be invented.
import { t } from '../i18n/messages.js';
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import type { Lang, SearchFilters } from '../rag/types.js';
import { renderSourceList, toCitations } from './citations.js';
import { retrieveForUser } from './retrieve.js';
import type { AskResult } from './types.js';

export async function retrievalOnlyAnswer(
  kb: KnowledgeBase,
  question: string,
  lang: Lang,
  opts: { k?: number; filters?: Omit<SearchFilters, 'lang'>; today?: string } = {},
): Promise<AskResult> {
  const hits = await retrieveForUser(kb, question, lang, { k: opts.k ?? 3, ...(opts.filters ? { filters: opts.filters } : {}) });
  const citations = toCitations(hits, opts.today);
  if (citations.length === 0) {
    return { answer: t(lang, 'noResults'), lang, mode: 'retrieval-only', citations, toolCalls: [] };
  }
  const passages = citations.map((c) => {
    const section = c.headingPath.slice(1).join(' › ');
    return `[${c.n}] ${section || c.title}\n${c.excerpt}`;
  });
  const answer = [t(lang, 'retrievalIntro'), ...passages, renderSourceList(citations, lang)].join('\n\n');
  return { answer, lang, mode: 'retrieval-only', citations, toolCalls: [] };
}
