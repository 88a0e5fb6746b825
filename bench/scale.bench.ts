// `npm run bench:scale [-- --sizes 10000,100000] [-- --big] [-- --update]`: retrieval at 10,000 and 100,000 chunks
// (1,000,000 on PostgreSQL with --big) on the synthetic mixed en/ru/zh XQuAD corpus of
// scale-corpus.ts: build time, hybrid / lexical / vector latency p50 and p95, peak RSS, beside
// LangChain's usual assembly (HNSWLib + BM25Retriever + EnsembleRetriever) on the same chunks and
// embeddings. `--update` instead times a reload after an ingest that changed 10 documents (`--changed`),
// full rebuild against incremental update, through the embedded store (scale-update.ts). Each size and each assembly runs in its own child process, so peak RSS (VmHWM) is
// that run's alone. Prints figures; asserts nothing (machines are shared).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { buildHybridIndex } from '../src/rag/build-hybrid-index.js';
import { fusionFor, HybridIndex, indexText } from '../src/rag/hybrid-index.js';
import { percentile } from '../src/rag/retrieval-metrics.js';
import { scaleCorpus, scaleQueries } from './scale-corpus.js';
import { printUpdate, updateRun, type UpdateFigures } from './scale-update.js';

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    chunks: { type: 'string' },
    sizes: { type: 'string', default: '10000,100000' },
    queries: { type: 'string', default: '600' },
    'peer-queries': { type: 'string', default: '60' },
    peer: { type: 'boolean', default: true },
    'no-peer': { type: 'boolean', default: false },
    big: { type: 'boolean', default: false },
    // read by scale-big.ts
    'big-chunks': { type: 'string' },
    'big-schema': { type: 'string' },
    'vector-index': { type: 'string' },
    'big-queries': { type: 'string' },
    'big-phase': { type: 'string' },
    keep: { type: 'boolean' },
    'no-small': { type: 'boolean', default: false },
    update: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    changed: { type: 'string', default: '10' },
  },
});

export interface RunFigures {
  assembly: string;
  chunks: number;
  buildMs: number;
  /** CPU time (user + system) of the build: less sensitive than wall time to a loaded machine. */
  buildCpuMs?: number;
  buildParts?: Record<string, number>;
  /** 'flat': the vector column is an exact scan of every vector; 'hnsw': the graph's search. */
  vectorStore?: string;
  buildCpuParts?: Record<string, number>;
  hybrid: [number, number];
  hybridCpu?: [number, number];
  lexical?: [number, number];
  vector?: [number, number];
  filtered?: [number, number];
  queries: number;
  peakRssMb: number;
}

const peakRssMb = () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Math.round(process.memoryUsage().rss / 1048576);
};
const p50p95 = (xs: number[]): [number, number] => [percentile(xs, 50), percentile(xs, 95)];
const timed = (qs: readonly { text: string }[], f: (q: string) => unknown) => {
  for (const q of qs.slice(0, 30)) f(q.text); // warm-up
  return qs.map((q) => {
    const t = performance.now();
    f(q.text);
    return performance.now() - t;
  });
};
/** Per-query CPU time (process.cpuUsage, µs resolution): what a query costs when others share the cores. */
const timedCpu = (qs: readonly { text: string }[], f: (q: string) => unknown) =>
  qs.map((q) => {
    const c = process.cpuUsage();
    f(q.text);
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1000;
  });
const timedAsync = async (qs: readonly { text: string }[], f: (q: string) => Promise<unknown>) => {
  for (const q of qs.slice(0, 5)) await f(q.text);
  const out: number[] = [];
  for (const q of qs) {
    const t = performance.now();
    await f(q.text);
    out.push(performance.now() - t);
  }
  return out;
};

async function ours(n: number): Promise<RunFigures> {
  const { docs, chunks } = scaleCorpus(n);
  const queries = scaleQueries(Number(values.queries));
  const embedder = new HashingEmbedder(256);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { index: hybrid, timings } = await buildHybridIndex(chunks, docs, embedder);
  const t3 = performance.now();
  const cpu = process.cpuUsage(c0);
  const fusion = fusionFor(embedder.id);
  const bm25 = (hybrid as unknown as { bm25: ConstructorParameters<typeof HybridIndex>[4] }).bm25;
  const vectors = (hybrid as unknown as { vectors: ConstructorParameters<typeof HybridIndex>[2] }).vectors;
  const lexical = new HybridIndex(chunks, docs, vectors, { ...fusion, vector: 0 }, bm25);
  // With flat vectors (lexical-first fusion) a vector-only search scans every vector exactly.
  const vector = new HybridIndex(chunks, docs, vectors, { ...fusion, lexical: 0 }, bm25);
  const hyb = timed(queries, (q) => hybrid.search(q, embedder.embedOne(q), { k: 10 }));
  const hybCpu = timedCpu(queries, (q) => hybrid.search(q, embedder.embedOne(q), { k: 10 }));
  const lex = timed(queries, (q) => lexical.search(q, undefined, { k: 10 }));
  const vec = timed(queries, (q) => vector.search(q, embedder.embedOne(q), { k: 10 }));
  const filt = timed(queries, (q) => hybrid.search(q, embedder.embedOne(q), { k: 10, lang: 'ru', category: 'policy' }));
  return {
    assembly: 'ours',
    chunks: n,
    buildMs: t3 - t0,
    buildCpuMs: (cpu.user + cpu.system) / 1000,
    buildParts: { embed: timings.embedMs, [`${timings.vectorStore} vectors`]: timings.vectorsMs, bm25: timings.bm25Ms },
    vectorStore: timings.vectorStore,
    hybridCpu: p50p95(hybCpu),
    hybrid: p50p95(hyb),
    lexical: p50p95(lex),
    vector: p50p95(vec),
    filtered: p50p95(filt),
    queries: queries.length,
    peakRssMb: peakRssMb(),
  };
}

async function langchain(n: number): Promise<RunFigures> {
  const { Document } = await import('@langchain/core/documents');
  const { Embeddings } = await import('@langchain/core/embeddings');
  const { HNSWLib } = await import('@langchain/community/vectorstores/hnswlib');
  const { BM25Retriever } = await import('@langchain/community/retrievers/bm25');
  const { EnsembleRetriever } = await import('@langchain/classic/retrievers/ensemble');
  const embedder = new HashingEmbedder(256);
  /** The same embedder behind LangChain's interface, so only the assembly differs. */
  class SameEmbeddings extends Embeddings {
    constructor() {
      super({});
    }
    async embedDocuments(texts: string[]) {
      return (await embedder.embed(texts)).map((v) => Array.from(v));
    }
    async embedQuery(text: string) {
      return Array.from(embedder.embedOne(text));
    }
  }
  const { docs, chunks } = scaleCorpus(n);
  const queries = scaleQueries(Number(values['peer-queries']));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const t0 = performance.now();
  // The same chunks as ours (no splitter), so both assemblies index the same passages.
  const lcDocs = chunks.map(
    (c) => new Document({ pageContent: indexText(c, byId.get(c.docId)), metadata: { id: c.id, docId: c.docId } }),
  );
  const store = await HNSWLib.fromDocuments(lcDocs, new SameEmbeddings());
  const bm25 = BM25Retriever.fromDocuments(lcDocs, { k: 10 });
  const ensemble = new EnsembleRetriever({ retrievers: [bm25, store.asRetriever(10)], weights: [0.5, 0.5] });
  const buildMs = performance.now() - t0;
  const hyb = await timedAsync(queries, (q) => ensemble.invoke(q));
  return {
    assembly: 'langchain',
    chunks: n,
    buildMs,
    hybrid: p50p95(hyb),
    queries: queries.length,
    peakRssMb: peakRssMb(),
  };
}

if (values.child) {
  const n = Number(values.chunks);
  const r =
    values.child === 'update'
      ? await updateRun(n, {
          rounds: Number(values.rounds),
          changed: Number(values.changed),
          questions: Number(values.queries),
          peakRssMb,
        })
      : values.child === 'langchain'
        ? await langchain(n)
        : await ours(n);
  console.log(`RESULT ${JSON.stringify(r)}`);
  process.exit(0);
}

function child<T = RunFigures>(assembly: string, n: number): T | undefined {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1]!, '--child', assembly, '--chunks', String(n), ...passThrough()],
    { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) {
    console.log(`  ${assembly} at ${n}: failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''})`);
    return undefined;
  }
  return JSON.parse(line.slice(7)) as T;
}
function passThrough(): string[] {
  return [
    '--queries',
    values.queries!,
    '--peer-queries',
    values['peer-queries']!,
    '--rounds',
    values.rounds!,
    '--changed',
    values.changed!,
  ];
}

if (values.update) {
  console.log(
    `reload benchmark: synthetic en/ru/zh XQuAD corpus, node ${process.version}, ${new Date().toISOString()}`,
  );
  for (const n of values.sizes!.split(',').map(Number)) {
    const r = child<UpdateFigures>('update', n);
    if (r) printUpdate(r);
  }
  process.exit(0);
}

const ms = (x: [number, number] | undefined) => (x ? `${x[0].toFixed(2)} / ${x[1].toFixed(2)}` : '—');
const sizes = values['no-small'] ? [] : values.sizes!.split(',').map(Number);
console.log(
  `scale benchmark: synthetic en/ru/zh XQuAD corpus, ${values.queries} queries (LangChain ${values['peer-queries']}), embedder local-hashing-v1/256, node ${process.version}, ${new Date().toISOString()}`,
);
console.log(
  '| assembly | chunks | build | hybrid p50 / p95 ms | hybrid CPU p50 / p95 ms | lexical p50 / p95 ms | vector p50 / p95 ms | filtered hybrid p50 / p95 ms | peak RSS |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
const vectorNote = new Set<string>();
const results: RunFigures[] = [];
for (const n of sizes) {
  for (const assembly of values['no-peer'] ? ['ours'] : ['ours', 'langchain']) {
    const r = child(assembly, n);
    if (!r) continue;
    results.push(r);
    if (r.vectorStore === 'flat')
      vectorNote.add(
        "vector column (flat vectors): an exact scan of every vector, as the eval command's vector mode runs it; hybrid and filtered hybrid score only the ≤ 50 lexical candidates exactly (no graph is built).",
      );
    if (r.vectorStore === 'hnsw') vectorNote.add('vector column (HNSW): approximate search of the graph, ef 64.');
    const parts = r.buildParts
      ? ` (${Object.entries(r.buildParts)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
          .join(', ')})`
      : '';
    console.log(
      `| ${r.assembly} | ${r.chunks.toLocaleString('en')} | ${(r.buildMs / 1000).toFixed(1)} s${parts}${
        r.buildCpuMs
          ? `; CPU ${(r.buildCpuMs / 1000).toFixed(1)} s${
              r.buildCpuParts
                ? ` (${Object.entries(r.buildCpuParts)
                    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
                    .join(', ')})`
                : ''
            }`
          : ''
      } | ${ms(r.hybrid)} | ${ms(r.hybridCpu)} | ${ms(r.lexical)} | ${ms(r.vector)} | ${ms(r.filtered)} | ${r.peakRssMb} MB |`,
    );
  }
}
for (const line of vectorNote) console.log(line);
const o = results.filter((r) => r.assembly === 'ours');
if (o.length >= 2) {
  const [a, b] = [o[0]!, o[o.length - 1]!];
  const cpu = a.hybridCpu && b.hybridCpu ? `, CPU p95 ×${(b.hybridCpu[1] / a.hybridCpu[1]).toFixed(2)}` : '';
  console.log(
    `hybrid p95 grows ×${(b.hybrid[1] / a.hybrid[1]).toFixed(2)}${cpu} from ${a.chunks} to ${b.chunks} chunks (×${(b.chunks / a.chunks).toFixed(0)} data)`,
  );
}
for (const n of sizes) {
  const a = results.find((r) => r.assembly === 'ours' && r.chunks === n);
  const b = results.find((r) => r.assembly === 'langchain' && r.chunks === n);
  if (a && b) console.log(`at ${n}: LangChain's hybrid p95 is ×${(b.hybrid[1] / a.hybrid[1]).toFixed(0)} ours`);
}
if (values.big) {
  const { bigRun } = await import('./scale-big.js');
  await bigRun();
}
