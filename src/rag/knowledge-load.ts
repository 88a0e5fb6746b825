// Loading the knowledge base's indexes: from the saved snapshot when it describes the store, else
// from the store (no re-embedding), saving a new snapshot; timed step by step for the reload's log.
import { performance } from 'node:perf_hooks';
import { plainChunk } from './plain-chunk.js';
import type { KnowledgeRepo, StoredChunk } from '../store/knowledge-repo.js';
import type { PgVectorStore } from '../store/pgvector-store.js';
import type { IndexParts } from './apply-document-changes.js';
import type { Embedder } from './embedder.js';
import { FlatVectors } from './flat-vectors.js';
import { HnswVectorIndex, IndexFileError } from './hnsw-vector-index.js';
import { fusionFor, HybridIndex, wantsFlatVectors, type VectorStore } from './hybrid-index.js';
import { loadSnapshot, saveSnapshot } from './knowledge-snapshot.js';
import type { Logger } from '../observability/logger.js';

export type Tokenizer = (text: string) => string[];

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

export interface Loaded {
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

export function roundSteps(s: NonNullable<Loaded['steps']>): NonNullable<Loaded['steps']> {
  return { read: Math.round(s.read), index: Math.round(s.index), save: Math.round(s.save) };
}

/** Times the steps of a load or an update, for the reload's log line and the benchmark. */
export function stopwatch() {
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

export async function load(o: KnowledgeBaseOptions, preferSnapshot: boolean): Promise<Loaded> {
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

/** Saves the snapshot of what was just built (not for a replaced tokenizer: see load()). */
export function save(
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
