// Retrieval for a person: search every language, then show each document in the asker's
// language when a translation exists (the translation links of the front-matter), once.
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import type { Hit, Lang, SearchFilters } from '../rag/types.js';

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
