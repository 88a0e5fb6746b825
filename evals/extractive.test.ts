// The direct answer on the xquad development half: the gold answer string must appear in the lead
// (at most three sentences, 300 characters, 120 for Chinese) for the share of evals/thresholds.json
// `extractive`. Reported beside the old reply's share (the first 480 characters of passage [1]).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalExtractive, readExtractiveQueries } from '../src/evals/eval-extractive.js';
import { loadThresholds } from '../src/evals/retrieval-gate.js';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { readCorpus } from '../src/rag/eval-retrieval.js';

// ../shared/benchmarks/xquad beside the checkout (one more level up from a git worktree).
const XQUAD =
  [join(import.meta.dirname, '../../shared'), join(import.meta.dirname, '../../../shared')]
    .map((d) => join(d, 'benchmarks/xquad'))
    .find((d) => existsSync(d)) ?? join(import.meta.dirname, '../../shared/benchmarks/xquad');

describe('extractive suite: answer in the lead (xquad dev half)', () => {
  for (const lang of ['en', 'ru', 'zh'] as const) {
    it(`${lang}: answer-in-lead at or above evals/thresholds.json`, async () => {
      const r = await evalExtractive(
        readCorpus(join(XQUAD, `corpus.${lang}.jsonl`)),
        readExtractiveQueries(join(XQUAD, `queries.${lang}.jsonl`)),
        new HashingEmbedder(256),
      );
      console.log(
        `extractive ${lang}: answer in lead ${r.answerInLead} (first 480 characters of [1]: ${r.baselineAnswerInFirst480}), mean lead ${r.meanLeadChars} chars, recall@1 ${r.recallAt1}`,
      );
      expect(r.queries).toBeGreaterThan(600);
      expect(r.meanLeadChars).toBeLessThanOrEqual(lang === 'zh' ? 120 : 300);
      expect(r.answerInLead).toBeGreaterThanOrEqual(loadThresholds().extractive.answerInLead[lang]!);
    }, 120_000);
  }
});
