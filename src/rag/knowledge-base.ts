// The searchable knowledge: documents and chunks loaded from the store into the hybrid index.
// The HNSW file under DATA_DIR is reused when it matches the stored chunks; otherwise it is
// rebuilt from the stored embeddings (no re-embedding) and saved again.
import type { KnowledgeRepo, StoredChunk } from '../store/knowledge-repo.js';
import type { PgVectorStore } from '../store/pgvector-store.js';
import type { Embedder } from './embedder.js';
import { HnswVectorIndex, IndexFileError } from './hnsw-vector-index.js';
import { CANDIDATES, fusionFor, HybridIndex } from './hybrid-index.js';
import type { DocMeta, Hit, SearchOptions } from '../domain/knowledge.js';

export interface KnowledgeBaseStats {
  documents: number;
  chunks: number;
  embedder: string;
  vectorIndex: 'loaded' | 'built' | 'empty' | 'pgvector';
  /** Why a saved index was not used, when it was not. */
  vectorIndexNote?: string;
}

export class KnowledgeBase {
  private index: HybridIndex;
  private statsValue: KnowledgeBaseStats;

  private constructor(
    private readonly repo: KnowledgeRepo,
    private readonly embedder: Embedder,
    private readonly indexDir: string | undefined,
    private readonly pgvector: PgVectorStore | undefined,
    loaded: { index: HybridIndex; stats: KnowledgeBaseStats },
  ) {
    this.index = loaded.index;
    this.statsValue = loaded.stats;
  }

  static async open(opts: {
    repo: KnowledgeRepo;
    embedder: Embedder;
    indexDir?: string;
    pgvector?: PgVectorStore;
  }): Promise<KnowledgeBase> {
    const loaded = await load(opts.repo, opts.embedder, opts.indexDir, opts.pgvector);
    return new KnowledgeBase(opts.repo, opts.embedder, opts.indexDir, opts.pgvector, loaded);
  }

  private topics: string[] | undefined;

  /** Every document's title and section headings, lower-cased: what the corpus is *about*. */
  topicLines(): readonly string[] {
    if (!this.topics) {
      const lines = new Set<string>();
      for (const doc of this.index.allDocs()) {
        lines.add(doc.title.toLowerCase());
        for (const chunk of this.index.chunksOf(doc.id))
          lines.add(chunk.headingPath.slice(1).join(' / ').toLowerCase());
      }
      this.topics = [...lines].filter(Boolean);
    }
    return this.topics;
  }

  /** The markets (ISO codes) some document is about. */
  markets(): ReadonlySet<string> {
    return new Set([...this.index.allDocs()].flatMap((d) => d.countries));
  }

  /** Re-reads the store after an ingest changed it. */
  async reload(): Promise<void> {
    this.topics = undefined;
    const loaded = await load(this.repo, this.embedder, this.indexDir, this.pgvector);
    this.index = loaded.index;
    this.statsValue = loaded.stats;
  }

  stats(): KnowledgeBaseStats {
    return this.statsValue;
  }

  doc(id: string): DocMeta | undefined {
    return this.index.doc(id);
  }

  async search(query: string, opts: SearchOptions = {}): Promise<Hit[]> {
    const [vector] = await this.embedder.embed([query]);
    if (this.pgvector && vector) {
      const { k: _k, dedupe: _d, ...filters } = opts;
      return this.index.searchWithVectorHits(query, await this.pgvector.search(vector, CANDIDATES, filters), opts);
    }
    return this.index.search(query, vector, opts);
  }

  /**
   * The passage of `docId` that best answers `query`; when the query shares no words with it
   * (another language), the passage at the same position as `likeOrd` in the original.
   */
  async bestPassage(query: string, docId: string, likeOrd: number, likeTotal: number): Promise<Hit | undefined> {
    const [found] = await this.search(query, { docId, k: 1 });
    if (found) return found;
    const chunks = this.index.chunksOf(docId);
    if (chunks.length === 0) return undefined;
    const at = Math.min(chunks.length - 1, Math.round((likeOrd / Math.max(1, likeTotal)) * chunks.length));
    return this.index.toHit(chunks[at]!, 0);
  }

  /** Every passage of a document in reading order, shaped as hits (score 0). */
  passagesOf(docId: string): Hit[] {
    return this.index.chunksOf(docId).flatMap((chunk) => {
      const hit = this.index.toHit(chunk, 0);
      return hit ? [hit] : [];
    });
  }

  /** Each document's best sections for a question, by BM25 (cheap: no vector search, no filter mask). */
  rankSections(query: string, docIds: readonly string[], perDoc: number): Map<string, Hit[]> {
    return this.index.rankSections(query, docIds, perDoc);
  }

  termIdf(token: string): number {
    return this.index.termIdf(token);
  }

  maxIdf(): number {
    return this.index.maxIdf();
  }

  chunkCount(docId: string): number {
    return this.index.chunksOf(docId).length;
  }
}

async function load(
  repo: KnowledgeRepo,
  embedder: Embedder,
  indexDir: string | undefined,
  pgvector: PgVectorStore | undefined,
) {
  const { docs, chunks } = await repo.loadAll();
  if (pgvector) {
    await pgvector.sync();
    const stats: KnowledgeBaseStats = {
      documents: docs.length,
      chunks: chunks.length,
      embedder: embedder.id,
      vectorIndex: 'pgvector',
    };
    return { index: new HybridIndex(chunks, docs, undefined, fusionFor(embedder.id)), stats };
  }
  // Chunks embedded by another model stay searchable lexically until the next ingest re-embeds them.
  const usable = chunks.filter((c) => c.embedder === embedder.id);
  const ordered = [...usable, ...chunks.filter((c) => c.embedder !== embedder.id)];
  const { vectors, state, note } = vectorIndex(usable, embedder.id, indexDir);
  const stats: KnowledgeBaseStats = {
    documents: docs.length,
    chunks: chunks.length,
    embedder: embedder.id,
    vectorIndex: state,
    ...(note ? { vectorIndexNote: note } : {}),
  };
  return { index: new HybridIndex(ordered, docs, vectors, fusionFor(embedder.id)), stats };
}

function vectorIndex(chunks: StoredChunk[], embedderId: string, dir: string | undefined) {
  if (chunks.length === 0) return { vectors: undefined, state: 'empty' as const, note: undefined };
  const ids = chunks.map((c) => c.id);
  let note: string | undefined;
  if (dir) {
    try {
      const { index, manifest } = HnswVectorIndex.load(dir);
      if (manifest.embedder === embedderId && sameIds(manifest.chunkIds, ids)) {
        return { vectors: index, state: 'loaded' as const, note: undefined };
      }
      note = 'saved vector index is out of date';
    } catch (err) {
      if (!(err instanceof IndexFileError)) throw err;
      note = err.message;
    }
  }
  const dims = chunks[0]!.embedding.length;
  const built = HnswVectorIndex.build(
    chunks.map((c) => c.embedding),
    dims,
  );
  if (dir) built.save(dir, { embedder: embedderId, chunkIds: ids });
  return { vectors: built, state: 'built' as const, note };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
