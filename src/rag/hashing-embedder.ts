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
    // is found through its two tokens and hashed from the first one's hash: no pair strings are built.
    const unigram = new Map<string, number>();
    const pairs = new Map<string, Map<string, number>>();
    const hashes: number[] = [];
    const counts: number[] = [];
    const state: number[] = []; // per feature: the fnv1a state after a unigram, to hash its pairs from
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      let e = unigram.get(t);
      if (e === undefined) {
        e = hashes.length;
        unigram.set(t, e);
        const h = fnvState(FNV_OFFSET, t);
        state[e] = h;
        hashes.push(h >>> 0);
        counts.push(0);
      }
      counts[e]! += 1;
      // Adjacent pairs carry a little word order ("export licence" vs "licence export").
      if (i + 1 < tokens.length) {
        const next = tokens[i + 1]!;
        let byNext = pairs.get(t);
        if (!byNext) pairs.set(t, (byNext = new Map()));
        let pe = byNext.get(next);
        if (pe === undefined) {
          pe = hashes.length;
          byNext.set(next, pe);
          hashes.push(fnvState(Math.imul(state[e]! ^ 1, FNV_PRIME), next) >>> 0);
          counts.push(0);
        }
        counts[pe]! += 0.5;
      }
    }
    for (let f = 0; f < hashes.length; f++) {
      const h = hashes[f]!;
      const sign = (h & 0x80000000) === 0 ? 1 : -1;
      v[h % this.dimensions]! += sign * (1 + Math.log(counts[f]!));
    }
    return l2normalize(v);
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
