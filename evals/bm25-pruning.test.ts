// The pruned lexical search (MaxScore, src/rag/bm25-index.ts) must return exactly what scoring every
// posting returns: the same top 10 (and top 50, the hybrid's candidate depth) with the same ids, order
// and scores, on every xquad question against its language's passages, the three corpora together,
// with and without a filter mask. The exhaustive pass is itself checked against a plain
// reference written the way the index used to score (a map per query, every posting).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Bm25Index, type ScoredIndex } from '../src/rag/bm25-index.js';
import { readCorpus, readQueries } from '../src/rag/eval-retrieval.js';
import { tokenize } from '../src/rag/tokenize.js';
import { scaleCorpus, XQUAD_DIR } from '../bench/scale-corpus.js';
import { indexText } from '../src/rag/hybrid-index.js';
import { join } from 'node:path';

const LANGS = ['en', 'ru', 'zh'] as const;

/** BM25 as the index scored before pruning: every posting into a map, then a full sort. */
function reference(docsTokens: string[][]) {
  const k1 = 0.9;
  const b = 0.75;
  const n = docsTokens.length;
  const avg = docsTokens.reduce((a, d) => a + d.length, 0) / n;
  const df = new Map<string, number>();
  const tfs = docsTokens.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return tf;
  });
  return (query: string[], k: number, accept?: (i: number) => boolean): ScoredIndex[] => {
    const qtf = new Map<string, number>();
    for (const t of query) qtf.set(t, (qtf.get(t) ?? 0) + 1);
    const scores = new Map<number, number>();
    for (const [term, qn] of qtf) {
      const d = df.get(term);
      if (!d) continue;
      const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      tfs.forEach((tf, doc) => {
        const f = tf.get(term);
        if (!f) return;
        const norm = k1 * (1 - b + (b * docsTokens[doc]!.length) / avg);
        scores.set(doc, (scores.get(doc) ?? 0) + (qn * idf * (f * (k1 + 1))) / (f + norm));
      });
    }
    return [...scores]
      .filter(([idx]) => !accept || accept(idx))
      .map(([idx, score]) => ({ idx, score }))
      .sort((x, y) => y.score - x.score || x.idx - y.idx)
      .slice(0, k);
  };
}

function build(texts: string[]) {
  const tokens = texts.map((t) => tokenize(t));
  const index = new Bm25Index();
  for (const t of tokens) index.add(t);
  return { index: index.freeze(), reference: reference(tokens) };
}

describe.skipIf(!existsSync(XQUAD_DIR))('pruned BM25 equals exhaustive BM25', () => {
  const corpora = Object.fromEntries(LANGS.map((l) => [l, readCorpus(join(XQUAD_DIR, `corpus.${l}.jsonl`))]));
  const queries = LANGS.flatMap((l) => readQueries(join(XQUAD_DIR, `queries.${l}.jsonl`)).map((q) => ({ ...q, l })));

  for (const lang of LANGS) {
    it(`${lang}: top 10 and top 50 of every question, ids, order and scores`, () => {
      const { index, reference: ref } = build(corpora[lang]!.map((c) => `${c.title}\n${c.text}`));
      let compared = 0;
      for (const q of queries.filter((x) => x.l === lang)) {
        const qt = tokenize(q.text);
        for (const k of [10, 50]) {
          const pruned = index.search(qt, k);
          expect(pruned).toEqual(index.searchExhaustive(qt, k));
          compared++;
        }
        expect(index.searchExhaustive(qt, 10)).toEqual(ref(qt, 10));
      }
      expect(compared).toBe(2 * 612);
    });
  }

  it('all three corpora together, with a filter mask, and on 6,000 rotated copies where pruning bites', () => {
    const all = LANGS.flatMap((l) => corpora[l]!.map((c) => `${c.title}\n${c.text}`));
    const { index, reference: ref } = build(all);
    const mask = Uint8Array.from(all, (_, i) => (i % 3 === 0 ? 1 : 0));
    for (const q of queries) {
      const qt = tokenize(q.text);
      expect(index.search(qt, 10)).toEqual(index.searchExhaustive(qt, 10));
      expect(index.search(qt, 10, mask)).toEqual(index.searchExhaustive(qt, 10, mask));
      expect(index.search(qt, 10, mask)).toEqual(ref(qt, 10, (i) => mask[i] === 1));
    }
    const big = scaleCorpus(6000);
    const byId = new Map(big.docs.map((d) => [d.id, d]));
    const scaled = build(big.chunks.map((c) => indexText(c, byId.get(c.docId))));
    for (const q of queries.filter((_, i) => i % 4 === 0)) {
      const qt = tokenize(q.text);
      const pruned = scaled.index.search(qt, 10);
      expect(pruned.map((h) => h.idx)).toEqual(scaled.index.searchExhaustive(qt, 10).map((h) => h.idx));
      expect(pruned).toEqual(scaled.index.searchExhaustive(qt, 10));
    }
  });
});
