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
    // strings are built. The maps and arrays are this instance's own, emptied after each call, so a
    // build of 100,000 passages does not allocate a map per distinct word of each passage.
    const n = tokens.length;
    const ids = this.tokenIds;
    const pairs = this.pairFeatures;
    const tid = this.grow('tid', n);
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      let id = ids.get(t);
      if (id === undefined) {
        id = distinct++;
        ids.set(t, id);
        this.state[id] = fnvState(FNV_OFFSET, t);
        this.unigramFeature[id] = -1;
      }
      tid[i] = id;
    }
    const hashes = this.grow('hashes', 2 * n);
    const counts = this.grow('counts', 2 * n);
    let features = 0;
    for (let i = 0; i < n; i++) {
      const id = tid[i]!;
      let e = this.unigramFeature[id]!;
      if (e === -1) {
        e = this.unigramFeature[id] = features++;
        hashes[e] = this.state[id]! >>> 0;
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
          hashes[pe] = fnvState(Math.imul(this.state[id]! ^ 1, FNV_PRIME), tokens[i + 1]!) >>> 0;
          counts[pe] = 0;
        }
        counts[pe]! += 0.5;
      }
    }
    ids.clear();
    pairs.clear();
    for (let f = 0; f < features; f++) {
      const h = hashes[f]!;
      const sign = (h & 0x80000000) === 0 ? 1 : -1;
      v[h % this.dimensions]! += sign * (1 + Math.log(counts[f]!));
    }
    return l2normalize(v);
  }

  private readonly tokenIds = new Map<string, number>();
  /** Pair of token numbers (first × distinct + second) → feature index. */
  private readonly pairFeatures = new Map<number, number>();
  /** Per token number: the fnv1a state after the token, to hash its pairs from; its unigram's feature. */
  private readonly state: number[] = [];
  private readonly unigramFeature: number[] = [];
  private readonly buffers: Record<'tid' | 'hashes' | 'counts', Float64Array> = {
    tid: new Float64Array(256),
    hashes: new Float64Array(512),
    counts: new Float64Array(512),
  };

  private grow(name: 'tid' | 'hashes' | 'counts', size: number): Float64Array {
    if (this.buffers[name].length < size)
      this.buffers[name] = new Float64Array(Math.max(size, 2 * this.buffers[name].length));
    return this.buffers[name];
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
