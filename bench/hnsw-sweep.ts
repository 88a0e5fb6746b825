// `npx tsx bench/hnsw-sweep.ts [--chunks 100000]`: HNSW parameters (M, efConstruction, ef) against
// recall of the hybrid's 50 vector candidates (exact cosine search as the truth) and latency, on the
// scale benchmark's corpus and the local hashing embedder. Prints a table; the chosen values are
// recorded in docs/decisions/017-retrieval-at-scale.md.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import hnswlib from 'hnswlib-node';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { indexText } from '../src/rag/hybrid-index.js';
import { percentile } from '../src/rag/retrieval-metrics.js';
import { scaleCorpus, scaleQueries } from './scale-corpus.js';

const { values } = parseArgs({
  options: {
    chunks: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    configs: { type: 'string', default: '8:40,12:40,12:64,16:100' },
    efs: { type: 'string', default: '16,32,50,64,100,128' },
  },
});
const N = Number(values.chunks);
const K = 50;
const { docs, chunks } = scaleCorpus(N);
const byId = new Map(docs.map((d) => [d.id, d]));
const embedder = new HashingEmbedder(256);
const vectors = await embedder.embed(chunks.map((c) => indexText(c, byId.get(c.docId))));
const queries = scaleQueries(Number(values.queries)).map((q) => embedder.embedOne(q.text));

// Exact top 50 by cosine (vectors are unit length: the dot product).
const flat = new Float32Array(N * 256);
vectors.forEach((v, i) => flat.set(v, i * 256));
const truth = queries.map((q) => {
  const scores = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    let s = 0;
    const o = i * 256;
    for (let j = 0; j < 256; j++) s += q[j]! * flat[o + j]!;
    scores[i] = s;
  }
  return new Set(
    Array.from(scores.keys())
      .sort((a, b) => scores[b]! - scores[a]!)
      .slice(0, K),
  );
});

console.log(`HNSW sweep: ${N} chunks, ${queries.length} queries, recall of the top ${K} against exact search`);
console.log('| M | efConstruction | build s | ef | recall@50 | p50 ms | p95 ms |');
console.log('|---|---|---|---|---|---|---|');
for (const cfg of values.configs!.split(',')) {
  const [m, efc] = cfg.split(':').map(Number) as [number, number];
  const index = new hnswlib.HierarchicalNSW('cosine', 256);
  const t0 = performance.now();
  index.initIndex(N, m, efc, 42);
  vectors.forEach((v, i) => index.addPoint(Array.from(v), i));
  const buildS = (performance.now() - t0) / 1000;
  for (const ef of values.efs!.split(',').map(Number)) {
    index.setEf(ef);
    const lat: number[] = [];
    let found = 0;
    queries.forEach((q, i) => {
      const arr = Array.from(q);
      const t = performance.now();
      const r = index.searchKnn(arr, K);
      lat.push(performance.now() - t);
      for (const n of r.neighbors) if (truth[i]!.has(n)) found++;
    });
    console.log(
      `| ${m} | ${efc} | ${buildS.toFixed(1)} | ${ef} | ${(found / (K * queries.length)).toFixed(3)} | ${percentile(lat, 50).toFixed(2)} | ${percentile(lat, 95).toFixed(2)} |`,
    );
  }
}
