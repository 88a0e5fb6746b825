// The offline default: a deterministic feature-hashing embedder. It is lexical, not semantic —
// it knows no synonyms and no other language — and it is named so wherever it is reported.
import { l2normalize, type Embedder } from './embedder.js';
import { tokenize } from './tokenize.js';

export class HashingEmbedder implements Embedder {
  readonly id: string;

  constructor(
    readonly dimensions = 256,
    /** Replaceable only to show that the quality gates catch a broken tokenizer. */
    readonly tokenizer: (text: string) => string[] = tokenize,
  ) {
    this.id = `local-hashing-v1/${dimensions}`;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }

  embedOne(text: string): Float32Array {
    return this.embedTokens(this.tokenizer(text));
  }

  /** The vector of text already tokenized by this embedder's tokenizer: a build that also feeds
   * BM25 tokenizes each passage once for both indexes. */
  embedTokens(tokens: readonly string[]): Float32Array {
    const v = new Float32Array(this.dimensions);
    // Features in order of first sight, as a map from feature string to count would hold them (the
    // additions into v happen in that order, so the vector is the same to the last bit), but a pair
    // is found through its two tokens' numbers and hashed from the first one's hash: no pair
    // strings and no map per distinct word are built. The two maps are new each call and die young;
    // the typed arrays are reused. (Keeping the maps on the instance, cleared per call, with the
    // states in plain arrays, measured twice the time and 330 MB more peak memory beside BM25's build.)
    const n = tokens.length;
    this.ensure(n);
    const { tid, state, unigramFeature, hashes, counts } = this;
    const ids = new Map<string, number>();
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      let id = ids.get(t);
      if (id === undefined) {
        id = distinct++;
        ids.set(t, id);
        state[id] = fnvState(FNV_OFFSET, t);
        unigramFeature[id] = -1;
      }
      tid[i] = id;
    }
    // Pair of token numbers (first × distinct + second) → feature index.
    const pairs = new Map<number, number>();
    let features = 0;
    for (let i = 0; i < n; i++) {
      const id = tid[i]!;
      let e = unigramFeature[id]!;
      if (e === -1) {
        e = unigramFeature[id] = features++;
        hashes[e] = state[id]! >>> 0;
        counts[e] = 0;
      }
      counts[e]! += 1;
      // Adjacent pairs carry a little word order ("export licence" vs "licence export").
      if (i + 1 < n) {
        const key = id * distinct + tid[i + 1]!;
        let pe = pairs.get(key);
        if (pe === undefined) {
          pe = features++;
          pairs.set(key, pe);
          hashes[pe] = fnvState(Math.imul(state[id]! ^ 1, FNV_PRIME), tokens[i + 1]!) >>> 0;
          counts[pe] = 0;
        }
        counts[pe]! += 0.5;
      }
    }
    for (let f = 0; f < features; f++) {
      const h = hashes[f]!;
      const sign = (h & 0x80000000) === 0 ? 1 : -1;
      v[h % this.dimensions]! += sign * (1 + Math.log(counts[f]!));
    }
    return l2normalize(v);
  }

  // Per position: the token's number; per token number: the fnv1a state after it (to hash its pairs
  // from) and its unigram's feature index; per feature: hash and count. Grown, never shrunk.
  private tid = new Int32Array(0);
  private state = new Int32Array(0);
  private unigramFeature = new Int32Array(0);
  private hashes = new Float64Array(0);
  private counts = new Float64Array(0);

  private ensure(n: number): void {
    if (this.tid.length >= n) return;
    const size = Math.max(n, 2 * this.tid.length, 256);
    this.tid = new Int32Array(size);
    this.state = new Int32Array(size);
    this.unigramFeature = new Int32Array(size);
    this.hashes = new Float64Array(2 * size);
    this.counts = new Float64Array(2 * size);
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** fnv1a continued from state h over s (int32 state; `>>> 0` gives the hash). */
function fnvState(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** The feature hash as first written (a string at a time); kept as the reference for the test. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
