// `npm run bench:peer`: the usual LangChain assembly (HNSWLib store + BM25Retriever combined by
// EnsembleRetriever, RecursiveCharacterTextSplitter) against ours, in one process, on the same
// documents, queries and embeddings (the local hashing embedder). Prints figures and ratios.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { BM25Retriever } from '@langchain/community/retrievers/bm25';
import { EnsembleRetriever } from '@langchain/classic/retrievers/ensemble';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { writeReport } from '../src/evals/report-file.js';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { buildEvalIndex, readCorpus, readQueries, type CorpusRecord } from '../src/rag/eval-retrieval.js';
import { percentile, summarize } from '../src/rag/retrieval-metrics.js';

const DIR = join(import.meta.dirname, '../../shared/benchmarks/xquad');
const ours = new HashingEmbedder(256);

/** The same embedder behind LangChain's interface, so only the assembly differs. */
class SameEmbeddings extends Embeddings {
  constructor() {
    super({});
  }
  async embedDocuments(texts: string[]) {
    return (await ours.embed(texts)).map((v) => Array.from(v));
  }
  async embedQuery(text: string) {
    return Array.from(ours.embedOne(text));
  }
}

// Retained memory: heap + external after a forced collection, taken while the index is still
// referenced. (RSS deltas in one process mostly measured the garbage of the previous run.) Native
// memory of hnswlib-node, used by both assemblies, is not visible to either figure.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retainedMb = () => {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / 1048576;
};
const lines: string[] = [];

async function peer(corpus: readonly CorpusRecord[], k = 10) {
  const t0 = performance.now();
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 100 });
  const docs = await splitter.splitDocuments(
    corpus.map((c) => new Document({ pageContent: `${c.title}\n${c.text}`, metadata: { id: c.id } })),
  );
  const vector = await HNSWLib.fromDocuments(docs, new SameEmbeddings());
  const bm25 = BM25Retriever.fromDocuments(docs, { k });
  const ensemble = new EnsembleRetriever({ retrievers: [bm25, vector.asRetriever(k)], weights: [0.5, 0.5] });
  return { ensemble, buildMs: performance.now() - t0 };
}

async function run(name: string, corpus: CorpusRecord[], queries: Array<{ text: string; relevant: string[] }>) {
  const before = retainedMb();
  const p = await peer(corpus);
  const peerRanked: Array<{ relevant: string[]; ranked: string[] }> = [];
  const peerLat: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const docs = await p.ensemble.invoke(q.text);
    peerLat.push(performance.now() - t);
    peerRanked.push({ relevant: q.relevant, ranked: [...new Set(docs.map((d) => d.metadata.id as string))] });
  }
  const peerMem = Math.round(retainedMb() - before);
  p.ensemble = undefined as never; // let the peer's index go before ours is measured
  const before2 = retainedMb();
  const o = await buildEvalIndex(corpus, ours, { split: true });
  const oursRanked: Array<{ relevant: string[]; ranked: string[] }> = [];
  const oursLat: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const hits = o.index.search(q.text, ours.embedOne(q.text), { k: 10 });
    oursLat.push(performance.now() - t);
    oursRanked.push({ relevant: q.relevant, ranked: hits.map((h) => h.docId) });
  }
  const oursMem = Math.round(retainedMb() - before2);
  const a = summarize(oursRanked);
  const b = summarize(peerRanked);
  const f = (x: number) => x.toFixed(3);
  const p95o = percentile(oursLat, 95);
  const p95p = percentile(peerLat, 95);
  const line =
    `${name.padEnd(14)} ours r@5 ${f(a.recallAt5)} MRR ${f(a.mrrAt10)} p50 ${percentile(oursLat, 50).toFixed(2)} p95 ${p95o.toFixed(2)} ms build ${(o.buildMs / 1000).toFixed(2)} s +${oursMem} MB` +
    ` | peer r@5 ${f(b.recallAt5)} MRR ${f(b.mrrAt10)} p50 ${percentile(peerLat, 50).toFixed(2)} p95 ${p95p.toFixed(2)} ms build ${(p.buildMs / 1000).toFixed(2)} s +${peerMem} MB` +
    ` | ours/peer r@5 ${(a.recallAt5 / Math.max(1e-9, b.recallAt5)).toFixed(2)} p95 1/${(p95p / Math.max(1e-9, p95o)).toFixed(0)}`;
  console.log(line);
  lines.push(line);
}

for (const lang of ['en', 'ru', 'zh'] as const) {
  await run(
    `xquad ${lang}`,
    readCorpus(join(DIR, `corpus.${lang}.jsonl`)),
    readQueries(join(DIR, `queries.${lang}.jsonl`)),
  );
}

// Latency at scale: 10,000 chunks built from xquad sentences of all three languages.
const sentences = (['en', 'ru', 'zh'] as const)
  .flatMap((l) =>
    readFileSync(join(DIR, `corpus.${l}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((x) => JSON.parse(x).text as string),
  )
  .flatMap((t) => t.split(/(?<=[.!?。])\s*/))
  .filter((s) => s.length > 20);
const big: CorpusRecord[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `c${i}`,
  lang: 'en',
  title: '',
  text: [0, 1, 2].map((j) => sentences[(i * 7 + j * 13) % sentences.length]).join(' '),
}));
const bigQueries = readQueries(join(DIR, 'queries.ru.jsonl'))
  .slice(0, 200)
  .map((q) => ({ text: q.text, relevant: ['none'] }));
await run('10k chunks', big, bigQueries); // latency and build only: these queries have no relevant chunk

const out = writeReport('peer', { lines }, [
  'Ours vs LangChain (HNSWLib + BM25Retriever + EnsembleRetriever)',
  '',
  '```',
  ...lines,
  '```',
]);
console.log(`report: ${out}.md`);
