// The hashing embedder builds no pair strings any more (bench:scale: that was most of a build's
// embedding time); its vectors must stay the same to the last bit, since stored embeddings and
// saved indexes carry its id. The reference below is the string-at-a-time version it replaced.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { l2normalize } from './embedder.js';
import { fnv1a, HashingEmbedder } from './hashing-embedder.js';
import { readCorpus, readQueries } from './eval-retrieval.js';
import { tokenize } from './tokenize.js';
import { XQUAD_DIR } from '../../bench/scale-corpus.js';

function reference(tokens: readonly string[], dims: number): Float32Array {
  const v = new Float32Array(dims);
  const counts = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    counts.set(t, (counts.get(t) ?? 0) + 1);
    if (i + 1 < tokens.length) {
      const pair = `${t}\u0001${tokens[i + 1]}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 0.5);
    }
  }
  for (const [feature, n] of counts) {
    const h = fnv1a(feature);
    const sign = (h & 0x80000000) === 0 ? 1 : -1;
    v[h % dims]! += sign * (1 + Math.log(n));
  }
  return l2normalize(v);
}

describe('HashingEmbedder', () => {
  const e = new HashingEmbedder(256);

  it('gives the reference vector, bit for bit, for repeated words and pairs', () => {
    for (const text of [
      '',
      'rail',
      'rail rail rail',
      'EAC certificate certificate EAC certificate',
      '上合 示范区 上合',
    ]) {
      expect(e.embedOne(text)).toEqual(reference(tokenize(text), 256));
    }
  });

  it.skipIf(!existsSync(XQUAD_DIR))('gives the reference vector for every xquad passage and question', () => {
    let n = 0;
    for (const lang of ['en', 'ru', 'zh'] as const) {
      const texts = [
        ...readCorpus(join(XQUAD_DIR, `corpus.${lang}.jsonl`)).map((c) => `${c.title}\n${c.text}`),
        ...readQueries(join(XQUAD_DIR, `queries.${lang}.jsonl`)).map((q) => q.text),
      ];
      for (const t of texts) {
        const tokens = tokenize(t);
        expect(e.embedTokens(tokens)).toEqual(reference(tokens, 256));
        n++;
      }
    }
    expect(n).toBe(3 * (120 + 612));
  });
});
