// Every passage's vector in one contiguous Float32Array (n × d, unit length), compared exactly.
// With lexical-first fusion (the offline hashing embedder) the vector score only matters for the
// ≤ 50 passages BM25 found, so an approximate graph over all of them is not needed: 50 dot products
// cost microseconds, are exact, and building this is a copy where HNSW insertion was most of a
// build at 100,000 chunks (docs/decisions/022-vectors-for-lexical-first-fusion.md).
import type { VectorHit } from './hnsw-vector-index.js';

export class FlatVectors {
  private count = 0;

  private constructor(
    readonly dimensions: number,
    private readonly data: Float32Array,
  ) {}

  /** An empty store for `capacity` vectors, filled in label order by add(). */
  static create(dimensions: number, capacity: number): FlatVectors {
    if (!(dimensions > 0)) throw new Error(`dimensions must be positive, got ${dimensions}`);
    return new FlatVectors(dimensions, new Float32Array(dimensions * capacity));
  }

  static from(vectors: readonly Float32Array[], dimensions: number): FlatVectors {
    const store = FlatVectors.create(dimensions, vectors.length);
    for (const v of vectors) store.add(v);
    return store;
  }

  /**
   * A store over raw float32 values written by toBytes() (little-endian, as every machine this
   * runs on). The bytes are copied when they are not 4-byte aligned, as a Float32Array view needs.
   */
  static fromBytes(bytes: Uint8Array, dimensions: number, count: number): FlatVectors {
    if (bytes.byteLength !== dimensions * count * 4)
      throw new Error(`expected ${count} vectors of ${dimensions} float32 values, got ${bytes.byteLength} bytes`);
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const data = new Float32Array(aligned.buffer, aligned.byteOffset, dimensions * count);
    const store = new FlatVectors(dimensions, data);
    store.count = count;
    return store;
  }

  /** The stored values (count × dimensions float32), to be written to a file. */
  toBytes(): Uint8Array {
    return new Uint8Array(this.data.buffer, this.data.byteOffset, this.count * this.dimensions * 4);
  }

  get size(): number {
    return this.count;
  }

  /** Appends a vector as the next label, scaled to unit length (a zero vector stays zero). */
  add(v: Float32Array): void {
    const d = this.dimensions;
    if (v.length !== d) throw new Error(`vector ${this.count} has ${v.length} dimensions, expected ${d}`);
    if ((this.count + 1) * d > this.data.length) throw new Error(`the store is full (${this.count} vectors)`);
    let sum = 0;
    for (let j = 0; j < d; j++) sum += v[j]! * v[j]!;
    const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    const off = this.count * d;
    for (let j = 0; j < d; j++) this.data[off + j] = v[j]! * scale;
    this.count++;
  }

  /**
   * Appends another store's vectors `label` .. `label + count - 1` as the next labels, copied as
   * stored: they are already unit length, and scaling them again could move their last bit. An
   * incremental update keeps the vectors of unchanged passages this way, a run at a time
   * (docs/decisions/023-incremental-index-updates.md).
   */
  addStored(from: FlatVectors, label: number, count = 1): void {
    const d = this.dimensions;
    if (from.dimensions !== d) throw new Error(`vectors of ${from.dimensions} dimensions, expected ${d}`);
    if (!(label >= 0 && count >= 0 && label + count <= from.count))
      throw new Error(`no stored vectors ${label} .. ${label + count - 1}`);
    if ((this.count + count) * d > this.data.length) throw new Error(`the store is full (${this.count} vectors)`);
    this.data.set(from.data.subarray(label * d, (label + count) * d), this.count * d);
    this.count += count;
  }

  /**
   * The cosine of the query with each given label, in the order given; a label without a stored
   * vector (a passage embedded by another model) gets undefined.
   */
  score(query: Float32Array, labels: readonly number[]): Array<number | undefined> {
    const q = this.unit(query);
    return labels.map((idx) => (idx >= 0 && idx < this.count ? this.dot(q, idx) : undefined));
  }

  /**
   * The k vectors nearest the query by cosine, among those a mask allows (1 = allowed), best first;
   * ties go to the lower label. Scans every vector: n × d multiply-adds (25 M at 100,000 × 256), an
   * eval mode's cost, not a question's.
   */
  search(query: Float32Array, k: number, mask?: Uint8Array): VectorHit[] {
    const q = this.unit(query);
    const n = Math.min(k, this.count);
    if (n <= 0) return [];
    // A question's hashed vector has a few dozen non-zero values of 256: a dot product needs only
    // those (the same terms in the same order, so the same sums to the last bit).
    const nz: number[] = [];
    for (let j = 0; j < q.length; j++) if (q[j] !== 0) nz.push(j);
    const dims = Int32Array.from(nz);
    const weights = Float64Array.from(nz, (j) => q[j]!);
    const d = this.dimensions;
    const data = this.data;
    // The best n so far, worst last, kept sorted by insertion: n is small (≤ 50) beside the scan.
    const idxs = new Int32Array(n);
    const scores = new Float64Array(n);
    let filled = 0;
    for (let i = 0; i < this.count; i++) {
      if (mask && mask[i] !== 1) continue;
      const off = i * d;
      let s = 0;
      for (let t = 0; t < dims.length; t++) s += weights[t]! * data[off + dims[t]!]!;
      if (filled === n && s <= scores[n - 1]!) continue;
      let at = filled < n ? filled++ : n - 1;
      while (at > 0 && scores[at - 1]! < s) {
        scores[at] = scores[at - 1]!;
        idxs[at] = idxs[at - 1]!;
        at--;
      }
      scores[at] = s;
      idxs[at] = i;
    }
    return Array.from({ length: filled }, (_, r) => ({ idx: idxs[r]!, score: scores[r]! }));
  }

  private dot(q: Float32Array, idx: number): number {
    const d = this.dimensions;
    const data = this.data;
    const off = idx * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += q[j]! * data[off + j]!;
    return s;
  }

  /** The query at unit length, so a dot product is the cosine. */
  private unit(query: Float32Array): Float32Array {
    if (query.length !== this.dimensions)
      throw new Error(`query has ${query.length} dimensions, expected ${this.dimensions}`);
    let sum = 0;
    for (let j = 0; j < query.length; j++) sum += query[j]! * query[j]!;
    if (sum === 0 || Math.abs(sum - 1) < 1e-6) return query;
    const out = new Float32Array(query.length);
    const inv = 1 / Math.sqrt(sum);
    for (let j = 0; j < query.length; j++) out[j] = query[j]! * inv;
    return out;
  }
}
