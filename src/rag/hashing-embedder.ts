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
    const counts = new Map<string, number>();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      counts.set(t, (counts.get(t) ?? 0) + 1);
      // Adjacent pairs carry a little word order ("export licence" vs "licence export").
      if (i + 1 < tokens.length) {
        const pair = `${t}\u0001${tokens[i + 1]}`;
        counts.set(pair, (counts.get(pair) ?? 0) + 0.5);
      }
    }
    for (const [feature, n] of counts) {
      const h = fnv1a(feature);
      const sign = (h & 0x80000000) === 0 ? 1 : -1;
      v[h % this.dimensions]! += sign * (1 + Math.log(n));
    }
    return l2normalize(v);
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
