// The searchable knowledge: documents and chunks in the hybrid index. Opening it loads the snapshot
// saved under DATA_DIR/index (knowledge-snapshot.ts) when it was built from the knowledge now in the
// store — checked by one fingerprint query, or trusted when the caller owns every write (the
// embedded database, whose ingest drops the snapshot first) — and otherwise reads the store, builds
// both indexes (no re-embedding) and saves a new snapshot. After an ingest, reload() applies the
// documents that changed to the loaded indexes when it can, and rebuilds them otherwise
// (docs/decisions/023-incremental-index-updates.md).
import { plainChunk } from './plain-chunk.js';
import { performance } from 'node:perf_hooks';
import { namedRegulations } from '../domain/regulations.js';
import type { KnowledgeRepo, StoredChunk } from '../store/knowledge-repo.js';
import type { PgVectorStore } from '../store/pgvector-store.js';
import { applyDocumentChanges, CannotApplyChanges, type IndexParts } from './apply-document-changes.js';
import type { Embedder } from './embedder.js';
import { FlatVectors } from './flat-vectors.js';
import { HnswVectorIndex, IndexFileError } from './hnsw-vector-index.js';
import { CANDIDATES, fusionFor, HybridIndex, wantsFlatVectors, type VectorStore } from './hybrid-index.js';
import { dropSnapshot, loadSnapshot, saveSnapshot } from './knowledge-snapshot.js';
import type { DocMeta, Hit, IndexedChunk, SearchOptions } from '../domain/knowledge.js';
import type { Logger } from '../observability/logger.js';

type Tokenizer = (text: string) => string[];

export interface KnowledgeBaseStats {
  documents: number;
  chunks: number;
  embedder: string;
  vectorIndex: 'loaded' | 'built' | 'empty' | 'pgvector';
  /** Where the passages and the lexical index came from. */
  source: 'snapshot' | 'store';
  /** Why a saved index was not used, when there was one. */
  vectorIndexNote?: string;
  /** How the last reload() brought the indexes up to date, and why not incrementally when it did not. */
  lastReload?: ReloadReport;
}

export interface ReloadReport {
  path: 'incremental' | 'full';
  /** Why the incremental path could not apply (path 'full'). */
  reason?: string;
  added?: number;
  changed?: number;
  removed?: number;
  ms: number;
  /** Of ms: reading the store, building or updating the indexes, saving the snapshot. */
  steps?: { read: number; index: number; save: number };
}

/** An ingest touching more than this share of the documents is rebuilt: the update would not save much. */
export const MAX_INCREMENTAL_SHARE = 0.25;

export interface KnowledgeBaseOptions {
  repo: KnowledgeRepo;
  embedder: Embedder;
  /** Where the snapshot is saved; none → always built from the store. */
  indexDir?: string;
  pgvector?: PgVectorStore;
  /**
   * Use a snapshot without asking the store whether the knowledge changed. Only for a store that
   * no one else writes and whose ingest calls dropSnapshot() first (the embedded database): a
   * command answered from the snapshot then never opens the database.
   */
  trustSnapshot?: boolean;
  /** Replaceable only to show that the quality gates catch a broken tokenizer. */
  tokenizer?: Tokenizer;
  /** Where a question is searched without its vector (embeddings server slow or down) is told. */
  log?: Logger;
  /** How long a question's embedding may take before it is searched by words alone (default 5 s). */
  queryEmbedTimeoutMs?: number;
}

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

  private about: { index: unknown; byNumber: Map<string, string[]> } | undefined;

  /**
   * The documents about a technical regulation (its number, "004"): those whose title names it. A
   * passing mention elsewhere ("lamps in furniture fall under TR CU 004") does not count.
   */
  docsAbout(regulation: string): readonly string[] {
    if (this.about?.index !== this.index) {
      const byNumber = new Map<string, string[]>();
      for (const doc of this.index.allDocs())
        for (const { number } of namedRegulations(doc.title))
          byNumber.set(number, [...(byNumber.get(number) ?? []), doc.id]);
      this.about = { index: this.index, byNumber };
    }
    return this.about.byNumber.get(regulation) ?? [];
  }

  /** The markets (ISO codes) some document is about. */
  markets(): ReadonlySet<string> {
    return new Set([...this.index.allDocs()].flatMap((d) => d.countries));
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

interface Loaded {
  index: HybridIndex;
  stats: KnowledgeBaseStats & { fingerprint: string | undefined };
  /** What the index was built from, kept so that an update can start from it. */
  parts: Omit<IndexParts, 'vectors'> & { vectors: VectorStore | undefined };
  /** Each loaded document's content hash; unknown for a snapshot saved before they were recorded. */
  hashes: ReadonlyMap<string, string> | undefined;
  /** Set when this was an incremental update: how many documents it added, changed and removed. */
  counts?: { added: number; changed: number; removed: number };
  /** Milliseconds spent reading the store, building or updating the indexes, saving the snapshot. */
  steps?: { read: number; index: number; save: number };
}

function roundSteps(s: NonNullable<Loaded['steps']>): NonNullable<Loaded['steps']> {
  return { read: Math.round(s.read), index: Math.round(s.index), save: Math.round(s.save) };
}

/** Times the steps of a load or an update, for the reload's log line and the benchmark. */
function stopwatch() {
  let t = performance.now();
  const steps = { read: 0, index: 0, save: 0 };
  return {
    steps,
    lap(step: keyof typeof steps) {
      const now = performance.now();
      steps[step] += now - t;
      t = now;
    },
  };
}

async function load(o: KnowledgeBaseOptions, preferSnapshot: boolean): Promise<Loaded> {
  const { repo, embedder, indexDir, pgvector } = o;
  const vectorStore = pgvector ? 'pgvector' : 'hnswlib';
  const flat = wantsFlatVectors(fusionFor(embedder.id));
  const vectorIndex = pgvector ? ('none' as const) : flat ? ('flat' as const) : ('hnsw' as const);
  let note: string | undefined;
  // A replaced tokenizer (a test of the gates) never meets a snapshot made with the real one.
  if (indexDir && preferSnapshot && !o.tokenizer) {
    try {
      const snap = loadSnapshot(indexDir, { embedder: embedder.id, vectorStore, vectorIndex });
      const current = o.trustSnapshot ? snap.manifest.fingerprint : await repo.fingerprint();
      if (current === snap.manifest.fingerprint) {
        if (pgvector) await pgvector.sync();
        const stats = {
          documents: snap.docs.length,
          chunks: snap.chunks.length,
          embedder: embedder.id,
          vectorIndex: pgvector ? ('pgvector' as const) : snap.vectors ? ('loaded' as const) : ('empty' as const),
          source: 'snapshot' as const,
          fingerprint: snap.manifest.fingerprint,
        };
        const index = new HybridIndex(snap.chunks, snap.docs, snap.vectors, fusionFor(embedder.id), snap.lexical);
        return {
          index,
          stats,
          parts: { docs: snap.docs, chunks: snap.chunks, lexical: snap.lexical, vectors: snap.vectors },
          hashes: snap.hashes ? new Map(Object.entries(snap.hashes)) : undefined,
        };
      }
      note = 'the knowledge changed since the index was saved';
    } catch (err) {
      if (!(err instanceof IndexFileError)) throw err;
      // No snapshot yet is the normal first start, not something to warn about.
      if (!/^no saved knowledge index/.test(err.message)) note = err.message;
    }
  }
  // Read before the passages: if another replica ingests in between, the next check sees a change.
  const watch = stopwatch();
  const fingerprint = await repo.fingerprint();
  const { docs, chunks, hashes } = await repo.loadAll();
  if (pgvector) await pgvector.sync();
  watch.lap('read');
  // Chunks embedded by another model stay searchable lexically until the next ingest re-embeds them.
  const usable = pgvector ? chunks : chunks.filter((c) => c.embedder === embedder.id);
  const ordered = pgvector ? chunks : [...usable, ...chunks.filter((c) => c.embedder !== embedder.id)];
  const vectors = pgvector || usable.length === 0 ? undefined : buildVectors(usable, flat);
  // The indexes keep passages without their embeddings (the vector store holds its own copy).
  const plain = ordered.map(plainChunk);
  const lexical = HybridIndex.buildLexical(plain, new Map(docs.map((d) => [d.id, d])), o.tokenizer);
  const parts = { docs, chunks: plain, lexical, vectors };
  watch.lap('index');
  save(o, parts, hashes, fingerprint, pgvector ? 0 : usable.length);
  watch.lap('save');
  const stats = {
    documents: docs.length,
    chunks: chunks.length,
    embedder: embedder.id,
    vectorIndex: pgvector ? ('pgvector' as const) : vectors ? ('built' as const) : ('empty' as const),
    source: 'store' as const,
    fingerprint,
    ...(note ? { vectorIndexNote: note } : {}),
  };
  const index = new HybridIndex(plain, docs, vectors, fusionFor(embedder.id), lexical, o.tokenizer);
  return { index, stats, parts, hashes, steps: watch.steps };
}

/**
 * The loaded indexes with the documents an ingest added, changed or removed applied to them: the
 * store says which (each document's content hash against the one loaded), only those documents are
 * read and tokenized. Throws CannotApplyChanges when a full rebuild is the safer answer.
 */
async function update(o: KnowledgeBaseOptions, current: Loaded): Promise<Loaded> {
  const { repo, embedder, pgvector } = o;
  const { parts, hashes } = current;
  if (!hashes) throw new CannotApplyChanges("the loaded index does not record its documents' content hashes");
  if (!pgvector && !(parts.vectors instanceof FlatVectors))
    throw new CannotApplyChanges(parts.vectors ? 'the vectors are kept in an HNSW graph' : 'no vectors are loaded');
  // Read before the passages, as load() does: a change in between shows at the next check.
  const watch = stopwatch();
  const fingerprint = await repo.fingerprint();
  const states = await repo.documentStates(embedder.id);
  if (!pgvector && states.some((s) => !s.usable))
    throw new CannotApplyChanges(`some passages carry another embedder's vectors than ${embedder.id}`);
  const loadedCount = new Map<string, number>();
  for (const c of parts.chunks) loadedCount.set(c.docId, (loadedCount.get(c.docId) ?? 0) + 1);
  const inStore = new Set(states.map((s) => s.id));
  const changed: string[] = [];
  let added = 0;
  for (const s of states) {
    const before = hashes.get(s.id);
    if (before !== s.contentHash) {
      changed.push(s.id);
      if (before === undefined) added++;
    } else if ((loadedCount.get(s.id) ?? 0) !== s.chunks)
      // Same content hash, other passages: written by something other than ingest. Trust nothing.
      throw new CannotApplyChanges(
        `document ${s.id} has ${s.chunks} passages in the store, ${loadedCount.get(s.id) ?? 0} loaded`,
      );
  }
  const removed = parts.docs.filter((d) => !inStore.has(d.id)).length;
  const touched = changed.length + removed;
  const base = Math.max(parts.docs.length, states.length);
  if (touched > MAX_INCREMENTAL_SHARE * base)
    throw new CannotApplyChanges(`${touched} of ${base} documents changed (more than ${MAX_INCREMENTAL_SHARE * 100}%)`);
  const fresh = changed.length ? await repo.loadDocuments(changed) : undefined;
  const byDoc = new Map<string, StoredChunk[]>();
  for (const c of fresh?.chunks ?? []) {
    const list = byDoc.get(c.docId);
    if (list) list.push(c);
    else byDoc.set(c.docId, [c]);
  }
  const want = new Map(states.map((s) => [s.id, s]));
  for (const id of changed) {
    const s = want.get(id)!;
    if (fresh?.hashes.get(id) !== s.contentHash || (byDoc.get(id)?.length ?? 0) !== s.chunks)
      throw new CannotApplyChanges(`document ${id} changed again while it was read`);
  }
  watch.lap('read');
  const next = touched
    ? applyDocumentChanges(
        { ...parts, vectors: parts.vectors as FlatVectors | undefined },
        {
          order: states.map((s) => s.id),
          changed: (fresh?.docs ?? []).map((doc) => ({ doc, chunks: byDoc.get(doc.id) ?? [] })),
        },
        o.tokenizer,
      )
    : parts;
  watch.lap('index');
  if (pgvector) await pgvector.sync();
  const nextHashes = new Map(states.map((s) => [s.id, s.contentHash]));
  watch.lap('read');
  save(o, next, nextHashes, fingerprint, pgvector ? 0 : next.chunks.length);
  watch.lap('save');
  const stats = {
    documents: next.docs.length,
    chunks: next.chunks.length,
    embedder: embedder.id,
    vectorIndex: pgvector ? ('pgvector' as const) : ('built' as const),
    source: 'store' as const,
    fingerprint,
  };
  const index = new HybridIndex(
    next.chunks,
    next.docs,
    next.vectors,
    fusionFor(embedder.id),
    next.lexical,
    o.tokenizer,
  );
  return {
    index,
    stats,
    parts: next,
    hashes: nextHashes,
    counts: { added, changed: changed.length - added, removed },
    steps: watch.steps,
  };
}

/** Saves the snapshot of what was just built (not for a replaced tokenizer: see load()). */
function save(
  o: KnowledgeBaseOptions,
  parts: Loaded['parts'],
  hashes: ReadonlyMap<string, string>,
  fingerprint: string,
  usable: number,
): void {
  const { indexDir, embedder, pgvector } = o;
  if (!indexDir || parts.docs.length === 0 || o.tokenizer) return;
  const vectorIndex = parts.vectors instanceof FlatVectors ? 'flat' : parts.vectors ? 'hnsw' : 'none';
  saveSnapshot(indexDir, {
    manifest: {
      version: 2,
      embedder: embedder.id,
      vectorStore: pgvector ? 'pgvector' : 'hnswlib',
      vectorIndex,
      dimensions: parts.vectors?.dimensions ?? 0,
      fingerprint,
      documents: parts.docs.length,
      chunks: parts.chunks.length,
      usable,
      files: {},
    },
    docs: [...parts.docs],
    chunks: [...parts.chunks],
    hashes: Object.fromEntries(hashes),
    lexical: parts.lexical,
    vectors: parts.vectors,
  });
}

/** Lexical-first fusion scores only BM25's candidates, exactly: a flat array; others need HNSW. */
function buildVectors(chunks: StoredChunk[], flat: boolean): VectorStore {
  const embeddings = chunks.map((c) => c.embedding);
  const dimensions = chunks[0]!.embedding.length;
  return flat ? FlatVectors.from(embeddings, dimensions) : HnswVectorIndex.build(embeddings, dimensions);
}
