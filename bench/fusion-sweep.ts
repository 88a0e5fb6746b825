// Tuning aid behind docs/decisions/004-hybrid-fusion.md: sweeps fusion weights of the hybrid index
// on the xquad development half. `npx tsx bench/fusion-sweep.ts [dims]`
import { join } from 'node:path';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { evalRetrieval, readCorpus, readQueries } from '../src/rag/eval-retrieval.js';
import type { FusionWeights } from '../src/rag/hybrid-index.js';

const dir = join(import.meta.dirname, '../../shared/benchmarks/xquad');
const dims = Number(process.argv[2] ?? 256);
const embedder = new HashingEmbedder(dims);
const variants: Array<[string, FusionWeights]> = [
  ['lexical only', { method: 'score', lexical: 1, vector: 0, k: 60 }],
  ['score v0.1', { method: 'score', lexical: 1, vector: 0.1, k: 60 }],
  ['score v0.2', { method: 'score', lexical: 1, vector: 0.2, k: 60 }],
  ['score v0.3', { method: 'score', lexical: 1, vector: 0.3, k: 60 }],
  ['rrf 1:1', { method: 'rrf', lexical: 1, vector: 1, k: 60 }],
  ['rrf 1:0.3', { method: 'rrf', lexical: 1, vector: 0.3, k: 60 }],
];
for (const lang of ['en', 'ru', 'zh'] as const) {
  const corpus = readCorpus(join(dir, `corpus.${lang}.jsonl`));
  const queries = readQueries(join(dir, `queries.${lang}.jsonl`));
  for (const [name, fusion] of variants) {
    const r = await evalRetrieval(corpus, queries, embedder, { fusion });
    console.log(
      `${lang} ${embedder.id} ${name.padEnd(13)} r@1 ${r.recallAt1.toFixed(3)} r@5 ${r.recallAt5.toFixed(3)} mrr ${r.mrrAt10.toFixed(3)}`,
    );
  }
}
