// The searchable knowledge: documents and chunks in the hybrid index. Opening it loads the snapshot
// saved under DATA_DIR/index (knowledge-snapshot.ts) when it was built from the knowledge now in the
// store — checked by one fingerprint query, or trusted when the caller owns every write (the
// embedded database, whose ingest drops the snapshot first) — and otherwise reads the store, builds
// both indexes (no re-embedding) and saves a new snapshot. After an ingest, reload() applies the
// documents that changed to the loaded indexes when it can, and rebuilds them otherwise
// (docs/decisions/023-incremental-index-updates.md).
import { isOwnNote } from '../domain/markets.js';
import { performance } from 'node:perf_hooks';
import { namedRegulations } from '../domain/regulations.js';
import { namedRegimes } from '../domain/legal-conventions.js';
import { CannotApplyChanges } from './apply-document-changes.js';
import { CANDIDATES, HybridIndex } from './hybrid-index.js';
import { dropSnapshot } from './knowledge-snapshot.js';
import type { DocMeta, Hit, IndexedChunk, SearchOptions } from '../domain/knowledge.js';
import {
  load,
  roundSteps,
  type Loaded,
  type KnowledgeBaseOptions,
  type KnowledgeBaseStats,
  type ReloadReport,
} from './knowledge-load.js';
import { update } from './knowledge-update.js';

export type { KnowledgeBaseOptions, KnowledgeBaseStats, ReloadReport } from './knowledge-load.js';
export { MAX_INCREMENTAL_SHARE } from './knowledge-update.js';

export const QUERY_EMBED_TIMEOUT_MS = 5000;

export class KnowledgeBase {
  private index: HybridIndex;
  private statsValue: KnowledgeBaseStats & { fingerprint: string | undefined };
  private loaded: Loaded;

  private constructor(
    private readonly o: KnowledgeBaseOptions,
    loaded: Loaded,
  ) {
    this.loaded = loaded;
    this.index = loaded.index;
    this.statsValue = loaded.stats;
  }

  static async open(opts: KnowledgeBaseOptions): Promise<KnowledgeBase> {
    return new KnowledgeBase(opts, await load(opts, true));
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

  /** What every answer reads off the documents' titles and markets, read once per index (and again after a reload: an
   * incremental update may keep the index object). */
  private facts:
    | {
        index: HybridIndex;
        byNumber: Map<string, string[]>;
        markets: ReadonlySet<string>;
        ownNotes: ReadonlySet<string>;
      }
    | undefined;

  private docFacts(): NonNullable<KnowledgeBase['facts']> {
    if (this.facts?.index !== this.index) {
      const docs = [...this.index.allDocs()];
      const byNumber = new Map<string, string[]>();
      for (const doc of docs)
        for (const number of [...namedRegulations(doc.title).map((r) => r.number), ...namedRegimes(doc.title)])
          byNumber.set(number, [...(byNumber.get(number) ?? []), doc.id]);
      const markets = new Set(docs.flatMap((d) => d.countries));
      const ownNotes = new Set(docs.flatMap((d) => d.countries.filter((c) => isOwnNote(d.countries, c))));
      this.facts = { index: this.index, byNumber, markets, ownNotes };
    }
    return this.facts;
  }

  /**
   * The documents about a technical regulation (its number, "004"): those whose title names it. A
   * passing mention elsewhere ("lamps in furniture fall under TR CU 004") does not count.
   */
  docsAbout(regulation: string): readonly string[] {
    return this.docFacts().byNumber.get(regulation) ?? [];
  }

  /** The markets (ISO codes) some document is about. */
  markets(): ReadonlySet<string> {
    return this.docFacts().markets;
  }

  /** The markets with a note of their own (isOwnNote: about the market alone, or beside China). */
  ownNoteMarkets(): ReadonlySet<string> {
    return this.docFacts().ownNotes;
  }

  /**
   * Brings the indexes up to date after an ingest changed the store, and saves a new snapshot: the
   * documents whose content hash changed are applied to the loaded indexes when that is possible
   * (flat or pgvector vectors, one embedder, at most MAX_INCREMENTAL_SHARE of the documents touched);
   * otherwise, or when anything about the store is unexpected, everything is re-read and rebuilt.
   * The log line says which path ran. `full`: rebuild even when an update would do (the benchmark
   * compares the two paths).
   */
  async reload(opts: { full?: boolean } = {}): Promise<void> {
    this.topics = undefined;
    // An incremental update may keep the index object: what is read off its documents is read again.
    this.facts = undefined;
    const t0 = performance.now();
    let loaded: Loaded | undefined;
    let reason: string | undefined;
    try {
      if (opts.full) throw new CannotApplyChanges('a full rebuild was asked for');
      loaded = await update(this.o, this.loaded);
    } catch (err) {
      reason = String((err as Error)?.message ?? err);
      // A refusal is expected; anything else is a fault of the incremental path worth a warning.
      if (!(err instanceof CannotApplyChanges))
        this.o.log?.warn({ error: reason }, 'incremental knowledge update failed; rebuilding from the store');
    }
    loaded ??= await load(this.o, false);
    const report: ReloadReport = {
      ...(loaded.counts ? { path: 'incremental' as const, ...loaded.counts } : { path: 'full' as const }),
      ...(reason ? { reason } : {}),
      ms: Math.round(performance.now() - t0),
      ...(loaded.steps ? { steps: roundSteps(loaded.steps) } : {}),
    };
    this.loaded = loaded;
    this.index = loaded.index;
    this.statsValue = { ...loaded.stats, lastReload: report };
    this.o.log?.info(
      { ...report, documents: loaded.stats.documents, chunks: loaded.stats.chunks },
      report.path === 'incremental'
        ? 'knowledge reloaded: incremental update of the changed documents'
        : 'knowledge reloaded: full rebuild from the store',
    );
  }

  /** Before the stored knowledge changes: the snapshot no longer describes it. */
  dropSnapshot(): void {
    if (this.o.indexDir) dropSnapshot(this.o.indexDir);
  }

  /** Whether what is loaded is what the store holds now (one query); reloads when it is not. */
  async syncWithStore(): Promise<boolean> {
    if (this.statsValue.fingerprint === (await this.o.repo.fingerprint())) return true;
    await this.reload();
    return false;
  }

  stats(): KnowledgeBaseStats {
    const { fingerprint: _f, ...stats } = this.statsValue;
    return stats;
  }

  doc(id: string): DocMeta | undefined {
    return this.index.doc(id);
  }

  async search(query: string, opts: SearchOptions = {}): Promise<Hit[]> {
    const vector = await this.queryVector(query);
    if (this.o.pgvector && vector) {
      const { k: _k, dedupe: _d, ...filters } = opts;
      return this.index.searchWithVectorHits(query, await this.o.pgvector.search(vector, CANDIDATES, filters), opts);
    }
    return this.index.search(query, vector, opts);
  }

  /** The question's vector, or none when the embeddings server fails or is slow: a person waiting
   * for an answer gets the lexical half of the search rather than an error. */
  private async queryVector(query: string): Promise<Float32Array | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const ms = this.o.queryEmbedTimeoutMs ?? QUERY_EMBED_TIMEOUT_MS;
    try {
      const [vector] = await Promise.race([
        this.o.embedder.embed([query]),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no embedding within ${ms} ms`)), ms);
        }),
      ]);
      return vector;
    } catch (err) {
      this.o.log?.warn(
        { embedder: this.o.embedder.id, error: String((err as Error)?.message ?? err) },
        'question searched without its embedding',
      );
      return undefined;
    } finally {
      clearTimeout(timer);
    }
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

  /** A document's chunks in order (the section ranker reads a section whole from them). */
  chunksOf(docId: string): IndexedChunk[] {
    return this.index.chunksOf(docId);
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
