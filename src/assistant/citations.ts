// Turns retrieved passages into numbered citations with their dates, and renders the source
// list the same way for every channel that shows plain text.
import { t } from '../i18n/messages.js';
import type { Lang } from '../domain/lang.js';
import type { UserHit } from './retrieve.js';
import { neutralizeInstructions } from './injection.js';
import type { Citation } from '../domain/answer.js';
import { excerptAround } from './excerpt-around.js';

const EXCERPT_CHARS = 480;

/**
 * @param answering the sentence of each hit that answers the question, when known: the excerpt is
 *   cut around it instead of at the passage's start.
 */
export function toCitations(
  hits: readonly UserHit[],
  today: string = isoToday(),
  answering?: (hit: UserHit, index: number) => string | undefined,
): Citation[] {
  return hits.map((h, i) => ({
    n: i + 1,
    docId: h.docId,
    chunkId: h.id,
    title: h.title,
    lang: h.lang,
    category: h.category,
    headingPath: h.headingPath,
    // Text that addresses a model is noise for a person too, and must not travel further.
    excerpt: excerptAround(neutralizeInstructions(h.text).text, answering?.(h, i), EXCERPT_CHARS),
    source: h.source,
    sources: h.sources,
    asOf: h.asOf,
    // A document about one or a few markets says which; a union-wide one (all EAEU members) needs no label.
    ...(h.doc.countries.length > 0 && h.doc.countries.length <= 3 ? { markets: h.doc.countries } : {}),
    reviewBy: h.doc.reviewBy,
    stale: h.doc.reviewBy !== undefined && h.doc.reviewBy < today,
    ...(h.translatedFrom ? { translatedFrom: h.translatedFrom } : {}),
    score: Math.round(h.score * 1000) / 1000,
  }));
}

/** "[1] Title — Section (as of 2025-12-31) https://…" lines under a heading. */
export function renderSourceList(citations: readonly Citation[], lang: Lang): string {
  if (citations.length === 0) return '';
  const lines = citations.map((c) => {
    const section = c.headingPath.slice(1).join(' › ');
    const date = c.asOf ? ` (${t(lang, 'asOf')} ${c.asOf}${c.stale ? `; ${t(lang, 'stale')}` : ''})` : '';
    return `[${c.n}] ${c.title}${section ? ` — ${section}` : ''}${date}${c.sources.length ? ` ${c.sources.join(' ')}` : ''}`;
  });
  return `${t(lang, 'references')}:\n${lines.join('\n')}`;
}

export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
