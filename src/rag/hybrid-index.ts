// Lexical (BM25) and vector search over the same chunks, fused (by score or reciprocal rank),
// filtered by language, category and country, one hit per document by default.
import { Bm25Index } from './bm25-index.js';
import { detectMarkets } from '../domain/markets.js';
import { FlatVectors } from './flat-vectors.js';
import type { HnswVectorIndex } from './hnsw-vector-index.js';
import {
  asksDefinition,
  asksReferral,
  isReferralHeading,
  hanTokens,
  isDefinitionHeading,
  scoreSections,
  sectionTokens,
  type SectionTokens,
} from './section-ranker.js';
import { tokenize } from './tokenize.js';
import type { DocMeta, Hit, IndexedChunk, SearchFilters, SearchOptions } from '../domain/knowledge.js';

export interface FusionWeights {
  /** 'rrf': reciprocal rank; 'score': each list's scores divided by its best, then weighted. */
  method: 'rrf' | 'score';
  lexical: number;
  vector: number;
  /** RRF constant: larger flattens the rank curve. */
  k: number;
  /** Drop hits the lexical list did not find (a hashing embedder adds no meaning of its own). */
  requireLexical?: boolean;
  /**
   * With requireLexical and flat vectors: the weight of the lexical candidates' exact cosines, which
   * are normalised by the best candidate's rather than by the best in the whole index as a vector
   * list found elsewhere (pgvector) is; `vector` stays that list's weight. Default: `vector`.
   */
  candidateVector?: number;
}

// docs/decisions/004-hybrid-fusion.md: the hashing embedder sees the same tokens as BM25, so on the
// xquad development half any real weight on it only costs accuracy (RRF 1:1 drops zh recall@1 from
// .92 to .75); it breaks ties. A semantic embedding model brings new evidence and gets plain RRF.
// docs/decisions/022-vectors-for-lexical-first-fusion.md: the candidates' best cosine is often below
// the index's best (93 of 612 xquad ru questions), so the same 0.03 weighs more when normalised by it;
// 0.025 gives the xquad figures of the 0.03-over-the-whole-index fusion to the third decimal.
export const LEXICAL_FIRST_FUSION: FusionWeights = {
  method: 'score',
  lexical: 1,
  vector: 0.03,
  k: 60,
  requireLexical: true,
  candidateVector: 0.025,
};
export const RRF_FUSION: FusionWeights = { method: 'rrf', lexical: 1, vector: 1, k: 60 };
export const DEFAULT_FUSION = LEXICAL_FIRST_FUSION;

export function fusionFor(embedderId: string): FusionWeights {
  return embedderId.startsWith('local-hashing') ? LEXICAL_FIRST_FUSION : RRF_FUSION;
}
export const CANDIDATES = 50;

/**
 * The vectors a fusion needs: with requireLexical only the lexical candidates' vectors are ever
 * scored, so all of them in one array compared exactly (FlatVectors); a fusion whose vector list
 * brings hits of its own (RRF with a semantic model) needs a nearest-neighbour graph (HNSW).
 * docs/decisions/022-vectors-for-lexical-first-fusion.md.
 */
export function wantsFlatVectors(fusion: FusionWeights): boolean {
  return fusion.requireLexical === true;
}

export type VectorStore = HnswVectorIndex | FlatVectors;
/** Documents whose sections' tokens are kept for ranking within a document (about 20 MB at most). */
const SECTION_CACHE_DOCS = 2_000;

/** One section of a document: its chunks (index positions) and their tokens together. */
interface DocSection {
  idxs: number[];
  tokens: SectionTokens;
  /** The markets a section saying what the subject is names (only for such sections). */
  markets: string[];
}

export class HybridIndex {
  private readonly bm25: Bm25Index;
  private readonly docs: Map<string, DocMeta>;
  private byDoc: Map<string, IndexedChunk[]> | undefined;
  private readonly masks = new Map<string, Uint8Array>();
  private chunkIdx: Map<string, number> | undefined;
  private readonly sectionCache = new Map<string, DocSection[]>();

  constructor(
    private readonly chunks: readonly IndexedChunk[],
    docs: Iterable<DocMeta>,
    private readonly vectors: VectorStore | undefined,
    private readonly fusion: FusionWeights = DEFAULT_FUSION,
    bm25?: Bm25Index,
    /** Replaceable for experiments (and for showing that the quality gate catches a broken one). */
    private readonly tokenizer: (text: string) => string[] = tokenize,
  ) {
    this.docs = new Map([...docs].map((d) => [d.id, d]));
    this.bm25 = bm25 ?? HybridIndex.buildLexical(chunks, this.docs, tokenizer);
  }

  static buildLexical(
    chunks: readonly IndexedChunk[],
    docs: Map<string, DocMeta>,
    tokenizer: (text: string) => string[] = tokenize,
  ): Bm25Index {
    const bm25 = new Bm25Index();
    for (const c of chunks) bm25.add(tokenizer(indexText(c, docs.get(c.docId))));
    return bm25.freeze();
  }

  /** The lexical index over passages already tokenized (by the same tokenizer the index searches with). */
  static lexicalFromTokens(tokens: Iterable<readonly string[]>): Bm25Index {
    const bm25 = new Bm25Index();
    for (const t of tokens) bm25.add(t);
    return bm25.freeze();
  }

  get size(): number {
    return this.chunks.length;
  }

  doc(id: string): DocMeta | undefined {
    return this.docs.get(id);
  }

  allDocs(): IterableIterator<DocMeta> {
    return this.docs.values();
  }

  /** The lexical weight of a token (its idf), for scoring sentences the way BM25 scores passages. */
  termIdf(token: string): number {
    return this.bm25.idf(token);
  }

  maxIdf(): number {
    return this.bm25.maxIdf();
  }

  /** The chunks of one document in reading order. */
  chunksOf(docId: string): IndexedChunk[] {
    if (!this.byDoc) {
      this.byDoc = new Map();
      for (const c of this.chunks) {
        const list = this.byDoc.get(c.docId) ?? [];
        list.push(c);
        this.byDoc.set(c.docId, list);
      }
      for (const list of this.byDoc.values()) list.sort((a, b) => a.ord - b.ord);
    }
    return this.byDoc.get(docId) ?? [];
  }

  /**
   * The sections of a few documents ranked for a question, each document's best `perDoc` chunks:
   * corpus-wide BM25 (one pass over the question's postings, no vector search) as the prior, words
   * weighed by their rarity within the document and the sections' headings (section-ranker.ts).
   */
  rankSections(query: string, docIds: readonly string[], perDoc: number): Map<string, Hit[]> {
    if (!this.chunkIdx) this.chunkIdx = new Map(this.chunks.map((c, i) => [c.id, i]));
    const wanted = new Set<number>();
    for (const id of docIds) for (const c of this.chunksOf(id)) wanted.add(this.chunkIdx.get(c.id)!);
    const queryTokens = this.queryTokens(query);
    // A Chinese term inside a Russian or English question ("we are 高级认证 AEO") is one of its words; its
    // characters read one by one outweighed the rest of the question (trial 20 t20-19 was shown what an AEO is, not
    // whether Kazakhstan has an arrangement). They count in a Chinese question, whose words they are.
    const han = query.match(/\p{Script=Han}/gu)?.length ?? 0;
    const letters = query.match(/\p{L}/gu)?.length ?? 0;
    const sectionQuery = [...queryTokens, ...(han * 2 >= letters ? hanTokens(query) : [])];
    const global = this.bm25.scoreDocs(queryTokens, wanted);
    const out = new Map<string, Hit[]>();
    const definitionAsked = asksDefinition(query);
    const referralAsked = asksReferral(query);
    // Read only when a section that says what the subject is names markets.
    let askedMarkets: string[] | undefined;
    const asked = (m: string) => (askedMarkets ??= detectMarkets(query)).includes(m);
    for (const id of docIds) {
      const groups = this.sectionsOf(id);
      const scores = scoreSections(
        sectionQuery,
        groups.map((g) => ({
          ...g.tokens,
          global: Math.max(...g.idxs.map((idx) => global.get(idx) ?? 0)),
          // "and Kazakhstan, same?" after an EAC question on lamps: the section saying the regulation applies
          // in Russia, Belarus, Kazakhstan… answers it, and no other section names the market.
          definition: g.tokens.definition && !g.markets.some((m) => m !== 'CN' && asked(m)),
        })),
        definitionAsked,
        referralAsked,
      );
      const order = scores
        .map((score, i) => ({ score, i }))
        // A section that shares no word with the question is not ranked at all.
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score || a.i - b.i);
      const list: Hit[] = [];
      for (const { i, score } of order) {
        if (list.length >= perDoc) break;
        // The section is shown by its chunk the corpus-wide search liked best (its first when none matched).
        const { idxs } = groups[i]!;
        const best = idxs.reduce((a, b) => ((global.get(b) ?? 0) > (global.get(a) ?? 0) ? b : a));
        const hit = this.toHit(this.chunks[best]!, score);
        if (hit) list.push(hit);
      }
      out.set(id, list);
    }
    return out;
  }

  /**
   * A document's sections, each with its chunks and their tokens together, kept for the documents
   * questions touch (bounded). A section split into several chunks is ranked whole: its answer's words
   * may sit in one chunk and its question's in another ("волос" below the list's first chunk, the
   * heading's "СГР" above it).
   */
  private sectionsOf(docId: string): DocSection[] {
    let sections = this.sectionCache.get(docId);
    if (!sections) {
      const byHeading = new Map<string, { idxs: number[]; body: string[]; heading: string[]; title: string }>();
      for (const chunk of this.chunksOf(docId)) {
        const key = chunk.headingPath.join('\u0000');
        const body = [...this.tokenizer(chunk.text), ...hanTokens(chunk.text)];
        const known = byHeading.get(key);
        if (known) {
          known.idxs.push(this.chunkIdx!.get(chunk.id)!);
          known.body.push(...body);
          continue;
        }
        const heading = chunk.headingPath.slice(1).join(' ');
        byHeading.set(key, {
          idxs: [this.chunkIdx!.get(chunk.id)!],
          body,
          heading: [...this.tokenizer(heading), ...hanTokens(heading)],
          title: chunk.headingPath.at(-1) ?? '',
        });
      }
      sections = [...byHeading.values()].map((g) => {
        // The text under the title, before the first question, says what the document is about: it matches
        // any question on the subject, as a "what is" section does.
        const definition = isDefinitionHeading(g.title) || g.heading.length === 0;
        return {
          idxs: g.idxs,
          tokens: { ...sectionTokens(g.body, g.heading, 0, definition), referral: isReferralHeading(g.title) },
          markets: definition ? detectMarkets(g.idxs.map((idx) => this.chunks[idx]!.text).join(' ')) : [],
        };
      });
      if (this.sectionCache.size >= SECTION_CACHE_DOCS)
        this.sectionCache.delete(this.sectionCache.keys().next().value!);
      this.sectionCache.set(docId, sections);
    }
    return sections;
  }

  /** A chunk shaped as a hit, for callers that pick a passage themselves (translations). */
  toHit(chunk: IndexedChunk, score: number): Hit | undefined {
    const doc = this.docs.get(chunk.docId);
    if (!doc) return undefined;
    const sources = chunk.sources ?? doc.sources;
    return {
      id: chunk.id,
      docId: chunk.docId,
      title: doc.title,
      lang: doc.lang,
      category: doc.category,
      headingPath: chunk.headingPath,
      text: chunk.text,
      score,
      source: sources[0],
      sources,
      asOf: doc.asOf,
      doc,
      ranks: {},
    };
  }

  search(query: string, queryVector: Float32Array | undefined, opts: SearchOptions = {}): Hit[] {
    const mask = this.filter(opts);
    const useVectors = queryVector !== undefined && this.vectors !== undefined && this.fusion.vector > 0;
    if (useVectors && this.vectors instanceof FlatVectors && this.fusion.requireLexical && this.fusion.lexical > 0) {
      // Only lexical candidates can be returned: score exactly those instead of searching a graph.
      const lexical = this.lexicalList(query, mask);
      const weights = { ...this.fusion, vector: this.fusion.candidateVector ?? this.fusion.vector };
      return this.rank(lexical, candidateVectors(this.vectors, queryVector!, lexical), opts, weights);
    }
    // A vector-only ranking (an eval mode) over flat vectors scans them all: exact, about 25 M
    // multiply-adds at 100,000 × 256.
    const vector = useVectors ? this.vectors!.search(queryVector!, CANDIDATES, mask) : [];
    return this.fuseAndRank(query, vector, opts, mask);
  }

  /** Hybrid search with vector hits found elsewhere (pgvector), given by chunk id. */
  searchWithVectorHits(
    query: string,
    hits: ReadonlyArray<{ chunkId: string; score: number }>,
    opts: SearchOptions = {},
  ): Hit[] {
    if (!this.chunkIdx) this.chunkIdx = new Map(this.chunks.map((c, i) => [c.id, i]));
    const vector = hits.flatMap((h) => {
      const idx = this.chunkIdx!.get(h.chunkId);
      return idx === undefined ? [] : [{ idx, score: h.score }];
    });
    return this.fuseAndRank(query, vector, opts, this.filter(opts));
  }

  private fuseAndRank(
    query: string,
    vector: Array<{ idx: number; score: number }>,
    opts: SearchOptions,
    mask: Uint8Array | undefined,
  ): Hit[] {
    // A vector-only ranking (an eval mode) needs no lexical list.
    const lexical = this.fusion.lexical > 0 ? this.lexicalList(query, mask) : [];
    return this.rank(lexical, vector, opts);
  }

  private lexicalList(query: string, mask: Uint8Array | undefined): Array<{ idx: number; score: number }> {
    return this.bm25.search(this.queryTokens(query), CANDIDATES, mask);
  }

  /** A question's tokens, a Russian word the corpus lacks read as the corpus form it is one of (Bm25Index.completion). */
  private queryTokens(query: string): string[] {
    return this.tokenizer(query).map((t) => this.bm25.completion(t) ?? t);
  }

  private rank(
    lexical: Array<{ idx: number; score: number }>,
    vector: Array<{ idx: number; score: number }>,
    opts: SearchOptions,
    weights: FusionWeights = this.fusion,
  ): Hit[] {
    const k = opts.k ?? 5;
    const dedupe = opts.dedupe ?? true;
    const fused = fuse(lexical, vector, weights);
    const ordered = [...fused.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
    const hits: Hit[] = [];
    const seenDocs = new Set<string>();
    for (const [idx, f] of ordered) {
      if (this.fusion.requireLexical && f.lexical === undefined && this.fusion.lexical > 0) continue;
      const chunk = this.chunks[idx]!;
      if (dedupe) {
        if (seenDocs.has(chunk.docId)) continue;
        seenDocs.add(chunk.docId);
      }
      const hit = this.toHit(chunk, f.score);
      if (!hit) continue;
      hit.ranks = { ...(f.lexical ? { lexical: f.lexical } : {}), ...(f.vector ? { vector: f.vector } : {}) };
      hits.push(hit);
      if (hits.length >= k) break;
    }
    return hits;
  }

  // One pass over the chunks builds a mask, so both indexes test a filter with one array read.
  private filter(f: SearchFilters): Uint8Array | undefined {
    const langs = f.lang === undefined ? undefined : new Set<string>(typeof f.lang === 'string' ? [f.lang] : f.lang);
    const cats =
      f.category === undefined
        ? undefined
        : new Set<string>(typeof f.category === 'string' ? [f.category] : f.category);
    const country = f.country?.toUpperCase();
    if (!langs && !cats && !country && !f.docId) return undefined;
    const key = JSON.stringify([[...(langs ?? [])], [...(cats ?? [])], country, f.docId]);
    const cached = this.masks.get(key);
    if (cached) return cached;
    const mask = new Uint8Array(this.chunks.length);
    let lastDoc: string | undefined;
    let lastOk = false;
    this.chunks.forEach((chunk, idx) => {
      if (chunk.docId !== lastDoc) {
        lastDoc = chunk.docId;
        const doc = this.docs.get(chunk.docId);
        lastOk =
          doc !== undefined &&
          (!f.docId || doc.id === f.docId) &&
          (!langs || langs.has(doc.lang)) &&
          (!cats || cats.has(doc.category)) &&
          (!country || doc.countries.includes(country));
      }
      mask[idx] = lastOk ? 1 : 0;
    });
    // The index never changes after construction, so a mask stays valid; a few are kept.
    if (this.masks.size >= 64) this.masks.delete(this.masks.keys().next().value!);
    this.masks.set(key, mask);
    return mask;
  }
}

/**
 * The lexical candidates' cosines with the question, best first, as a vector list for fuse(): each
 * candidate holding a vector of this embedder is in it (ranked among the candidates).
 */
function candidateVectors(
  vectors: FlatVectors,
  query: Float32Array,
  lexical: ReadonlyArray<{ idx: number }>,
): Array<{ idx: number; score: number }> {
  const scores = vectors.score(
    query,
    lexical.map((h) => h.idx),
  );
  const out: Array<{ idx: number; score: number }> = [];
  lexical.forEach((h, i) => {
    const score = scores[i];
    if (score !== undefined) out.push({ idx: h.idx, score });
  });
  return out.sort((a, b) => b.score - a.score || a.idx - b.idx);
}

/** The text both indexes see: title and heading path give a passage its context. */
export function indexText(chunk: IndexedChunk, doc: DocMeta | undefined): string {
  const head = [doc?.title, ...chunk.headingPath.slice(1)].filter(Boolean).join(' / ');
  return head ? `${head}\n${chunk.text}` : chunk.text;
}

interface Fused {
  score: number;
  lexical?: number;
  vector?: number;
}

/** Exported for its unit test. */
export function fuse(
  lexical: readonly { idx: number; score: number }[],
  vector: readonly { idx: number; score: number }[],
  w: FusionWeights,
): Map<number, Fused> {
  const out = new Map<number, Fused>();
  const add = (list: readonly { idx: number; score: number }[], weight: number, key: 'lexical' | 'vector') => {
    if (weight === 0) return;
    const best = list[0]?.score ?? 0;
    list.forEach((h, rank) => {
      const s = w.method === 'rrf' ? weight / (w.k + rank + 1) : best > 0 ? (weight * Math.max(0, h.score)) / best : 0;
      const e = out.get(h.idx) ?? { score: 0 };
      e.score += s;
      e[key] = rank + 1;
      out.set(h.idx, e);
    });
  };
  add(lexical, w.lexical, 'lexical');
  add(vector, w.vector, 'vector');
  return out;
}
