// Quality gate on ../shared/benchmarks/xquad (development half): the assistant's own retrieval
// (tokenizer, hashing embedder, hybrid fusion) must reach the BM25 reference of that README for
// recall@5 and MRR@10 in each language. Cross-lingual figures are reported, not gated: no lexical
// method can do them (the README says so) and the offline embedder is not multilingual.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalRetrieval, readCorpus, readQueries } from '../src/rag/eval-retrieval.js';
import { tokenize } from '../src/rag/tokenize.js';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { loadThresholds, xquadShortfalls } from '../src/evals/retrieval-gate.js';

// ../shared/benchmarks/xquad beside the checkout (one more level up from a git worktree).
const DIR =
  [join(import.meta.dirname, '../../shared'), join(import.meta.dirname, '../../../shared')]
    .map((d) => join(d, 'benchmarks/xquad'))
    .find((d) => existsSync(d)) ?? join(import.meta.dirname, '../../shared/benchmarks/xquad');
// evals/thresholds.json holds the reference table of ../shared/benchmarks/xquad/README.md.
const THRESHOLDS = loadThresholds();

describe.skipIf(!existsSync(DIR))('xquad retrieval gate', () => {
  const embedder = new HashingEmbedder(256);

  for (const lang of ['en', 'ru', 'zh'] as const) {
    it(`${lang}: recall@5 and MRR@10 at or above the BM25 reference`, async () => {
      const r = await evalRetrieval(
        readCorpus(join(DIR, `corpus.${lang}.jsonl`)),
        readQueries(join(DIR, `queries.${lang}.jsonl`)),
        embedder,
      );
      console.log(
        `xquad ${lang} hybrid: recall@1 ${r.recallAt1} recall@5 ${r.recallAt5} MRR@10 ${r.mrrAt10} (threshold ${JSON.stringify(THRESHOLDS.xquad[lang])})`,
      );
      expect(r.queries).toBe(612);
      expect(xquadShortfalls(lang, r, THRESHOLDS)).toEqual([]);
    });
  }

  it('fails the gate when retrieval is deliberately broken (a tokenizer that keeps only the first word)', async () => {
    const crippled = (text: string) => tokenize(text).slice(0, 1);
    const r = await evalRetrieval(
      readCorpus(join(DIR, 'corpus.ru.jsonl')),
      readQueries(join(DIR, 'queries.ru.jsonl')),
      embedder,
      { tokenizer: crippled },
    );
    const shortfalls = xquadShortfalls('ru', r, THRESHOLDS);
    console.log(`crippled ru: recall@5 ${r.recallAt5} MRR@10 ${r.mrrAt10} → ${shortfalls.join('; ')}`);
    expect(shortfalls.length).toBeGreaterThan(0);
  });

  it('reports the cross-lingual runs as they are, well below the monolingual ones', async () => {
    for (const [q, c] of [
      ['ru', 'zh'],
      ['zh', 'ru'],
    ] as const) {
      const r = await evalRetrieval(
        readCorpus(join(DIR, `corpus.${c}.jsonl`)),
        readQueries(join(DIR, `queries.${q}.jsonl`)),
        embedder,
      );
      console.log(`xquad ${q}→${c} hybrid: recall@1 ${r.recallAt1} recall@5 ${r.recallAt5} MRR@10 ${r.mrrAt10}`);
      expect(r.queries).toBe(612);
      // The figures are one ranking seen at three depths: they can only grow with the depth.
      expect(r.recallAt1).toBeLessThanOrEqual(r.recallAt5);
      expect(r.recallAt5).toBeLessThanOrEqual(r.recallAt10);
      expect(r.mrrAt10).toBeGreaterThanOrEqual(r.recallAt1);
      expect(r.mrrAt10).toBeLessThanOrEqual(r.recallAt10);
      // Neither the lexical index nor the offline embedder crosses scripts: a cross-lingual run that
      // came close to the monolingual reference would mean the run searched the wrong corpus.
      expect(r.recallAt5).toBeLessThan(THRESHOLDS.xquad[c]!.recallAt5 / 2);
    }
  });
});
