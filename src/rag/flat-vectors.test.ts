// The flat store against brute force written the plain way: candidate scores are cosines whatever
// length the vectors were given at, the top k (with and without a mask) is the sorted list's head
// with ties to the lower label, and the bytes written reload as the same store.
import { describe, expect, it } from 'vitest';
import { FlatVectors } from './flat-vectors.js';

let seed = 11;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5;
const DIM = 24;
const raw = () => Float32Array.from({ length: DIM }, () => rand() * 3);
const vectors = Array.from({ length: 2000 }, raw);
const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
};
const truth = (q: Float32Array, k: number, allowed: (i: number) => boolean = () => true) =>
  vectors
    .map((v, idx) => ({ idx, score: cosine(q, v) }))
    .filter((h) => allowed(h.idx))
    .sort((a, b) => b.score - a.score || a.idx - b.idx)
    .slice(0, k);

const store = FlatVectors.from(vectors, DIM);

describe('FlatVectors', () => {
  it('scores given labels by cosine, and none for a label it does not hold', () => {
    const q = raw();
    const labels = [5, 1999, 0, 731, 2000, -1];
    const got = store.score(q, labels);
    labels.slice(0, 4).forEach((idx, i) => expect(got[i]).toBeCloseTo(cosine(q, vectors[idx]!), 5));
    expect(got.slice(4)).toEqual([undefined, undefined]);
  });

  it('finds the exact top k, best first', () => {
    for (let t = 0; t < 20; t++) {
      const q = raw();
      const hits = store.search(q, 50);
      const want = truth(q, 50);
      expect(hits.map((h) => h.idx)).toEqual(want.map((h) => h.idx));
      hits.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 5));
    }
  });

  it('scans a sparse query (a hashed question) over its non-zero values, with the same scores', () => {
    const q = new Float32Array(DIM);
    for (const j of [2, 9, 17, 23]) q[j] = rand();
    const hits = store.search(q, 30);
    expect(hits.map((h) => h.idx)).toEqual(truth(q, 30).map((h) => h.idx));
    expect(hits.map((h) => h.score)).toEqual(
      store.score(
        q,
        hits.map((h) => h.idx),
      ),
    );
  });

  it('keeps to a mask', () => {
    const mask = Uint8Array.from({ length: vectors.length }, (_, i) => (i % 7 === 3 ? 1 : 0));
    const q = raw();
    expect(store.search(q, 10, mask).map((h) => h.idx)).toEqual(truth(q, 10, (i) => i % 7 === 3).map((h) => h.idx));
    expect(store.search(q, 10, new Uint8Array(vectors.length))).toEqual([]);
  });

  it('gives a tie to the lower label, and returns at most what it holds', () => {
    const same = Float32Array.from({ length: 4 }, (_, i) => i + 1);
    const other = Float32Array.from([1, 0, 0, 0]);
    const small = FlatVectors.from([other, same, same, other, same], 4);
    expect(small.search(same, 3).map((h) => h.idx)).toEqual([1, 2, 4]);
    expect(small.search(same, 10)).toHaveLength(5);
  });

  it('reloads from its bytes, aligned or not', () => {
    const bytes = store.toBytes();
    expect(bytes.byteLength).toBe(vectors.length * DIM * 4);
    const shifted = new Uint8Array(bytes.byteLength + 1).subarray(1);
    shifted.set(bytes);
    const q = raw();
    for (const b of [bytes, shifted]) {
      const again = FlatVectors.fromBytes(b, DIM, vectors.length);
      expect(again.search(q, 20)).toEqual(store.search(q, 20));
    }
    expect(() => FlatVectors.fromBytes(bytes.subarray(4), DIM, vectors.length)).toThrow(/float32/);
  });

  it('copies stored vectors bit for bit, a run at a time, and refuses labels it does not hold', () => {
    const copy = FlatVectors.create(DIM, 6);
    copy.addStored(store, 10, 3);
    copy.add(vectors[500]!);
    copy.addStored(store, 1999);
    copy.addStored(store, 0);
    const expected = FlatVectors.from(
      [10, 11, 12, 500, 1999, 0].map((i) => vectors[i]!),
      DIM,
    );
    expect(copy.toBytes()).toEqual(expected.toBytes());
    expect(() => FlatVectors.create(DIM, 2).addStored(store, 1999, 2)).toThrow(/no stored vectors/);
    expect(() => copy.addStored(store, 0)).toThrow(/full/);
    expect(() => FlatVectors.create(DIM + 1, 1).addStored(store, 0)).toThrow(/dimensions/);
  });
});
