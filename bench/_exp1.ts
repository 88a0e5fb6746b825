import { Bm25Index } from '/work/main/src/rag/bm25-index.ts';
import { tokenize } from '/work/main/src/rag/tokenize.ts';
import { readCorpus, readQueries, evalRetrieval } from '/work/main/src/rag/eval-retrieval.ts';
import { summarize } from '/work/main/src/rag/retrieval-metrics.ts';
import { HashingEmbedder } from '/work/main/src/rag/hashing-embedder.ts';
const B = '/work/shared/benchmarks/xquad';
for (const mode of ['bigram', 'jieba', 'jieba+bigram'] as const) {
  const corpus = readCorpus(`${B}/corpus.zh.jsonl`); const qs = readQueries(`${B}/queries.zh.jsonl`);
  const t0 = performance.now();
  const idx = new Bm25Index(); for (const c of corpus) idx.add(tokenize(c.text, { zh: mode })); idx.freeze();
  const ranked = qs.map(q => ({ relevant: q.relevant, ranked: idx.search(tokenize(q.text, { zh: mode }), 10).map(h => corpus[h.idx]!.id) }));
  console.log('zh lexical', mode, JSON.stringify(summarize(ranked)), Math.round(performance.now()-t0),'ms');
}
for (const lang of ['en','ru','zh']) {
  const corpus = readCorpus(`${B}/corpus.${lang}.jsonl`); const qs = readQueries(`${B}/queries.${lang}.jsonl`);
  for (const mode of ['lexical','vector','hybrid'] as const) for (const split of [false, true]) {
    const r = await evalRetrieval(corpus, qs, new HashingEmbedder(256), { mode, split });
    console.log(lang, mode, 'split', split, r.recallAt1, r.recallAt5, r.mrrAt10, 'p95', r.latencyMs.p95, 'chunks', r.chunks);
  }
}
