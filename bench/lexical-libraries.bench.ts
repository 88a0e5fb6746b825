// Behind docs/decisions/003-lexical-search.md: our BM25 against MiniSearch (a well-kept npm search
// library, BM25+ scoring) with the same tokenizer, on xquad quality and on 10,000-chunk latency.
// `npx tsx bench/lexical-libraries.bench.ts`
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { Bm25Index } from '../src/rag/bm25-index.js';
import { readCorpus, readQueries } from '../src/rag/eval-retrieval.js';
import { percentile, summarize } from '../src/rag/retrieval-metrics.js';
import { tokenize } from '../src/rag/tokenize.js';

const DIR = join(import.meta.dirname, '../../shared/benchmarks/xquad');

function ours(texts: string[]) {
  const idx = new Bm25Index();
  for (const t of texts) idx.add(tokenize(t));
  idx.freeze();
  return (q: string) => idx.search(tokenize(q), 10).map((h) => h.idx);
}

function mini(texts: string[]) {
  const ms = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: (s) => tokenize(s),
    processTerm: (t) => t,
  });
  ms.addAll(texts.map((text, id) => ({ id, text })));
  return (q: string) =>
    ms
      .search(q, { combineWith: 'OR' })
      .slice(0, 10)
      .map((r) => r.id as number);
}

for (const lang of ['en', 'ru', 'zh'] as const) {
  const corpus = readCorpus(join(DIR, `corpus.${lang}.jsonl`));
  const queries = readQueries(join(DIR, `queries.${lang}.jsonl`));
  const texts = corpus.map((c) => `${c.title}\n${c.text}`);
  for (const [name, make] of [
    ['own BM25', ours],
    ['MiniSearch', mini],
  ] as const) {
    const search = make(texts);
    const m = summarize(
      queries.map((q) => ({ relevant: q.relevant, ranked: search(q.text).map((i) => corpus[i]!.id) })),
    );
    console.log(
      `xquad ${lang} ${name.padEnd(10)} recall@1 ${m.recallAt1.toFixed(3)} recall@5 ${m.recallAt5.toFixed(3)} MRR@10 ${m.mrrAt10.toFixed(3)}`,
    );
  }
}

// Latency on 10,000 synthetic chunks built from xquad sentences of all three languages.
const all = (['en', 'ru', 'zh'] as const).flatMap((l) => readCorpus(join(DIR, `corpus.${l}.jsonl`)).map((c) => c.text));
const sentences = all.flatMap((t) => t.split(/(?<=[.!?。])\s*/)).filter((s) => s.length > 20);
const chunks = Array.from({ length: 10_000 }, (_, i) =>
  [0, 1, 2].map((j) => sentences[(i * 7 + j * 13) % sentences.length]).join(' '),
);
const qs = readQueries(join(DIR, 'queries.ru.jsonl'))
  .concat(readQueries(join(DIR, 'queries.zh.jsonl')))
  .slice(0, 400)
  .map((q) => q.text);
for (const [name, make] of [
  ['own BM25', ours],
  ['MiniSearch', mini],
] as const) {
  const t0 = performance.now();
  const search = make(chunks);
  const build = performance.now() - t0;
  const lat: number[] = [];
  for (const q of qs) {
    const t = performance.now();
    search(q);
    lat.push(performance.now() - t);
  }
  console.log(
    `10k chunks ${name.padEnd(10)} build ${(build / 1000).toFixed(2)} s, query p50 ${percentile(lat, 50).toFixed(2)} ms p95 ${percentile(lat, 95).toFixed(2)} ms`,
  );
}
