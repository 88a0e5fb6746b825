// Filtered vector search: whichever way a mask is served (exact for a few allowed vectors,
// over-fetching, hnswlib's own filter), only allowed vectors come back, best first, k of them when
// there are k; a small set is ranked exactly as brute force ranks it.
import { describe, expect, it } from 'vitest';
import { l2normalize } from './embedder.js';
import { HnswVectorIndex } from './hnsw-vector-index.js';

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5;
const vec = () => l2normalize(Float32Array.from({ length: 32 }, rand));
const vectors = Array.from({ length: 3000 }, vec);
const index = HnswVectorIndex.build(vectors, 32);
const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('HnswVectorIndex.search with a mask', () => {
  it('ranks a few allowed vectors exactly as brute force does', () => {
    const mask = new Uint8Array(3000);
    for (let i = 0; i < 3000; i += 97) mask[i] = 1; // 31 allowed
    const q = vec();
    const hits = index.search(q, 10, mask);
    const truth = [...mask.keys()]
      .filter((i) => mask[i] === 1)
      .sort((a, b) => cos(q, vectors[b]!) - cos(q, vectors[a]!))
      .slice(0, 10);
    expect(hits.map((h) => h.idx)).toEqual(truth);
    expect(hits[0]!.score).toBeCloseTo(cos(q, vectors[truth[0]!]!), 5);
  });

  it('returns k allowed vectors, best first, for common and rare filters alike', () => {
    for (const every of [2, 15, 40]) {
      const mask = Uint8Array.from({ length: 3000 }, (_, i) => (i % every === 0 ? 1 : 0));
      for (let t = 0; t < 20; t++) {
        const hits = index.search(vec(), 50, mask);
        expect(hits).toHaveLength(50);
        expect(hits.every((h) => mask[h.idx] === 1)).toBe(true);
        for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score + 1e-6);
      }
    }
  });
});
