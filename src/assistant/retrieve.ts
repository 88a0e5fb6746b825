// Retrieval for a person: search every language, then show each document in the asker's
// language when a translation exists (the translation links of the front-matter), once.
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import type { Hit, SearchFilters } from '../domain/knowledge.js';
import type { Lang } from '../domain/lang.js';

export interface UserHit extends Hit {
  translatedFrom?: string;
}

export async function retrieveForUser(
  kb: KnowledgeBase,
  query: string,
  lang: Lang,
  opts: { k?: number; filters?: Omit<SearchFilters, 'lang'> } = {},
): Promise<UserHit[]> {
  const k = opts.k ?? 5;
  const hits = await kb.search(query, { ...opts.filters, k: k * 3 });
  const out: UserHit[] = [];
  const seenSlugs = new Set<string>();
  for (const hit of hits) {
    if (seenSlugs.has(hit.doc.slug)) continue;
    seenSlugs.add(hit.doc.slug);
    out.push(hit.lang === lang ? hit : await inUserLanguage(kb, query, hit, lang));
    if (out.length >= k) break;
  }
  return out;
}

async function inUserLanguage(kb: KnowledgeBase, query: string, hit: Hit, lang: Lang): Promise<UserHit> {
  const translation = hit.doc.translations.map((id) => kb.doc(id)).find((d) => d?.lang === lang);
  if (!translation) return hit;
  const ord = Number(hit.id.split('#').pop() ?? 0);
  const passage = await kb.bestPassage(query, translation.id, Number.isFinite(ord) ? ord : 0, kb.chunkCount(hit.docId));
  if (!passage) return hit;
  return { ...passage, score: hit.score, ranks: hit.ranks, translatedFrom: hit.docId };
}

/**
 * Several phrasings of one question (the original, a standalone rewrite, translations): each is
 * searched and the documents are fused by reciprocal rank, best passage kept.
 */
export async function retrieveFused(
  kb: KnowledgeBase,
  queries: readonly string[],
  lang: Lang,
  opts: { k?: number; filters?: Omit<SearchFilters, 'lang'> } = {},
): Promise<UserHit[]> {
  const unique = [...new Set(queries.map((q) => q.trim()).filter(Boolean))];
  if (unique.length <= 1) return retrieveForUser(kb, unique[0] ?? '', lang, opts);
  const k = opts.k ?? 5;
  const scored = new Map<string, { hit: UserHit; score: number }>();
  for (const q of unique) {
    const hits = await retrieveForUser(kb, q, lang, { ...opts, k: k * 2 });
    hits.forEach((hit, rank) => {
      const e = scored.get(hit.doc.slug);
      const add = 1 / (60 + rank + 1);
      if (e) e.score += add;
      else scored.set(hit.doc.slug, { hit, score: add });
    });
  }
  return [...scored.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((e) => e.hit);
}
