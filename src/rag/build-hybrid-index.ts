// Builds both indexes over a list of passages. With the local hashing embedder, whose features are
// the lexical index's own tokens, each passage is tokenized once for both (tokenizing was the
// larger half of a build at 100,000 chunks: docs/decisions/017-retrieval-at-scale.md).
import { performance } from 'node:perf_hooks';
import type { Embedder } from './embedder.js';
import { HashingEmbedder } from './hashing-embedder.js';
import { HnswVectorIndex } from './hnsw-vector-index.js';
import { fusionFor, HybridIndex, indexText, type FusionWeights } from './hybrid-index.js';
import { tokenize } from './tokenize.js';
import type { DocMeta, IndexedChunk } from '../domain/knowledge.js';

export interface BuildTimings {
  /** Tokenizing and embedding the passages. */
  embedMs: number;
  hnswMs: number;
  bm25Ms: number;
  /** CPU time of each step (user + system): what the step costs when other work shares the cores. */
  cpuMs: { embed: number; hnsw: number; bm25: number };
}

export async function buildHybridIndex(
  chunks: readonly IndexedChunk[],
  docs: readonly DocMeta[],
  embedder: Embedder,
  opts: { fusion?: FusionWeights; tokenizer?: (text: string) => string[] } = {},
): Promise<{ index: HybridIndex; timings: BuildTimings }> {
  const tokenizer = opts.tokenizer ?? tokenize;
  const byId = new Map(docs.map((d) => [d.id, d]));
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const c0 = cpu();
  const t0 = performance.now();
  let vectors: Float32Array[];
  let tokens: string[][] | undefined;
  if (embedder instanceof HashingEmbedder && embedder.tokenizer === tokenizer) {
    tokens = chunks.map((c) => tokenizer(indexText(c, byId.get(c.docId))));
    vectors = tokens.map((t) => embedder.embedTokens(t));
  } else {
    vectors = await embedder.embed(chunks.map((c) => indexText(c, byId.get(c.docId))));
  }
  const t1 = performance.now();
  const c1 = cpu();
  const hnsw = vectors.length ? HnswVectorIndex.build(vectors, vectors[0]!.length) : undefined;
  vectors.length = 0; // HNSW keeps its own copy
  const t2 = performance.now();
  const c2 = cpu();
  const bm25 = tokens ? HybridIndex.lexicalFromTokens(tokens) : HybridIndex.buildLexical(chunks, byId, tokenizer);
  tokens = undefined;
  const index = new HybridIndex(chunks, docs, hnsw, opts.fusion ?? fusionFor(embedder.id), bm25, tokenizer);
  const t3 = performance.now();
  const c3 = cpu();
  return {
    index,
    timings: {
      embedMs: t1 - t0,
      hnswMs: t2 - t1,
      bm25Ms: t3 - t2,
      cpuMs: { embed: c1 - c0, hnsw: c2 - c1, bm25: c3 - c2 },
    },
  };
}
