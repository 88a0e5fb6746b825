// Builds both indexes over a list of passages. With the local hashing embedder, whose features are
// the lexical index's own tokens, each passage is tokenized once for both (tokenizing was the
// larger half of a build at 100,000 chunks: docs/decisions/017-retrieval-at-scale.md). Lexical-first
// fusion keeps the vectors in a flat array, other fusions in an HNSW graph
// (docs/decisions/022-vectors-for-lexical-first-fusion.md).
import { performance } from 'node:perf_hooks';
import type { Embedder } from './embedder.js';
import { Bm25Index } from './bm25-index.js';
import { HashingEmbedder } from './hashing-embedder.js';
import { FlatVectors } from './flat-vectors.js';
import { HnswVectorIndex } from './hnsw-vector-index.js';
import {
  fusionFor,
  HybridIndex,
  indexText,
  wantsFlatVectors,
  type FusionWeights,
  type VectorStore,
} from './hybrid-index.js';
import { tokenize } from './tokenize.js';
import type { DocMeta, IndexedChunk } from '../domain/knowledge.js';

export interface BuildTimings {
  /** Tokenizing and embedding the passages. */
  embedMs: number;
  /** Filling the vector store: the flat array's copy, or HNSW insertion. */
  vectorsMs: number;
  /** Which vector store was built. */
  vectorStore: 'flat' | 'hnsw' | 'none';
  bm25Ms: number;
}

export async function buildHybridIndex(
  chunks: readonly IndexedChunk[],
  docs: readonly DocMeta[],
  embedder: Embedder,
  opts: { fusion?: FusionWeights; tokenizer?: (text: string) => string[] } = {},
): Promise<{ index: HybridIndex; timings: BuildTimings }> {
  const tokenizer = opts.tokenizer ?? tokenize;
  const fusion = opts.fusion ?? fusionFor(embedder.id);
  const flat = wantsFlatVectors(fusion);
  const byId = new Map(docs.map((d) => [d.id, d]));
  let vectors: VectorStore | undefined;
  let bm25: Bm25Index;
  const spent = { embed: 0, vectors: 0, bm25: 0 };
  const step = <T>(name: keyof typeof spent, f: () => T): T => {
    const t = performance.now();
    const r = f();
    spent[name] += performance.now() - t;
    return r;
  };
  if (embedder instanceof HashingEmbedder && embedder.tokenizer === tokenizer) {
    // One passage at a time into both indexes: no list of every passage's tokens or vector is ever
    // held (at 100,000 chunks those lists were the larger part of the build's peak memory).
    bm25 = new Bm25Index();
    const d = embedder.dimensions;
    const store: { add(v: Float32Array, label: number): void } | undefined = !chunks.length
      ? undefined
      : flat
        ? FlatVectors.create(d, chunks.length)
        : HnswVectorIndex.create(d, chunks.length);
    vectors = store as VectorStore | undefined;
    chunks.forEach((c, i) => {
      const tokens = step('embed', () => tokenizer(indexText(c, byId.get(c.docId))));
      step('bm25', () => bm25.add(tokens));
      const v = step('embed', () => embedder.embedTokens(tokens));
      step('vectors', () => store!.add(v, i));
    });
    step('bm25', () => bm25.freeze());
  } else {
    const t = performance.now();
    const vs = await embedder.embed(chunks.map((c) => indexText(c, byId.get(c.docId))));
    spent.embed += performance.now() - t;
    vectors = step('vectors', () =>
      !vs.length ? undefined : flat ? FlatVectors.from(vs, vs[0]!.length) : HnswVectorIndex.build(vs, vs[0]!.length),
    );
    bm25 = step('bm25', () => HybridIndex.buildLexical(chunks, byId, tokenizer));
  }
  const index = step('bm25', () => new HybridIndex(chunks, docs, vectors, fusion, bm25, tokenizer));
  return {
    index,
    timings: {
      embedMs: spent.embed,
      vectorsMs: spent.vectors,
      bm25Ms: spent.bm25,
      vectorStore: !vectors ? 'none' : vectors instanceof FlatVectors ? 'flat' : 'hnsw',
    },
  };
}
