// The answer when no LLM is configured or it fails: the best passages in the asker's language,
// numbered, with their sources and dates. Nothing is paraphrased, so nothing can be invented.
import { t } from '../i18n/messages.js';
import type { Lang } from '../domain/lang.js';
import { toCitations } from './citations.js';
import type { UserHit } from './retrieve.js';
import type { AskResult } from '../domain/answer.js';

export function retrievalOnlyAnswer(
  hits: readonly UserHit[],
  lang: Lang,
  opts: { notice?: string; today?: string } = {},
): AskResult {
  const citations = toCitations(hits, opts.today);
  const notices = opts.notice ? [opts.notice] : [];
  if (citations.length === 0) {
    return { answer: t(lang, 'noResults'), lang, mode: 'retrieval-only', citations, toolCalls: [], notices };
  }
  const passages = citations.map((c) => {
    const section = c.headingPath.slice(1).join(' › ');
    return `[${c.n}] ${section || c.title}\n${c.excerpt}`;
  });
  const answer = [opts.notice ?? t(lang, 'retrievalIntro'), ...passages].join('\n\n');
  return { answer, lang, mode: 'retrieval-only', citations, toolCalls: [], notices };
}
