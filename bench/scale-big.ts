// `npm run bench:scale -- --big [--big-chunks 1000000] [--vector-index hnsw|ivfflat|none]`: the
// corpus past one machine's memory, on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL). A build
// process streams the synthetic corpus into a schema of its own (chunk texts, pgvector embeddings,
// the lexical index as per-term postings: src/rag/pg-lexical-index.ts), then a fresh "replica"
// process that holds only document lengths and a bounded postings cache answers the queries:
// lexical (postings fetched by term + MaxScore in process), vector (pgvector), hybrid (both,
// fused as the in-memory index fuses). Prints build and query figures and each process's peak RSS.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openPostgres } from '../src/store/pg-db.js';
import { Bm25Index } from '../src/rag/bm25-index.js';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { CANDIDATES, fuse, fusionFor, indexText } from '../src/rag/hybrid-index.js';
import { PgLexicalIndex } from '../src/rag/pg-lexical-index.js';
import { percentile } from '../src/rag/retrieval-metrics.js';
import { scaleCorpus, scaleQueries } from './scale-corpus.js';

const { values } = parseArgs({
  strict: false,
  options: {
    'big-child': { type: 'string' },
    'big-chunks': { type: 'string', default: '1000000' },
    'big-schema': { type: 'string' },
    'vector-index': { type: 'string', default: 'hnsw' },
    'big-queries': { type: 'string', default: '300' },
    // all: build, index, replica; or one of them on a kept schema (--keep --big-schema NAME)
    'big-phase': { type: 'string', default: 'all' },
    keep: { type: 'boolean', default: false },
  },
});

const url = () => {
  const u = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!u) throw new Error('--big needs TEST_DATABASE_URL or DATABASE_URL (PostgreSQL with pgvector)');
  return u;
};
const peakRssMb = () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
};
const literal = (v: Float32Array) => `[${Array.from(v, (x) => x.toFixed(5)).join(',')}]`;
const p = (xs: number[]): [number, number] => [percentile(xs, 50), percentile(xs, 95)];

async function build(n: number, schema: string) {
  const db = await openPostgres(url(), { max: 2 });
  const stages: Record<string, number> = {};
  let t = performance.now();
  const c0 = process.cpuUsage();
  const { docs, chunks } = scaleCorpus(n);
  const byId = new Map(docs.map((d) => [d.id, d]));
  await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; CREATE EXTENSION IF NOT EXISTS vector;
    CREATE TABLE ${schema}.chunks (idx INT PRIMARY KEY, doc INT NOT NULL, text TEXT NOT NULL);
    CREATE TABLE ${schema}.vectors (idx INT PRIMARY KEY, embedding vector(256) NOT NULL);`);
  const embedder = new HashingEmbedder(256);
  const bm25 = new Bm25Index();
  const BATCH = 2000;
  let tokenizeMs = 0;
  let insertMs = 0;
  for (let i = 0; i < n; i += BATCH) {
    const a = performance.now();
    const slice = chunks.slice(i, i + BATCH);
    const idx: number[] = [];
    const docNo: number[] = [];
    const texts: string[] = [];
    const vecs: string[] = [];
    slice.forEach((c, j) => {
      const tokens = embedder.tokenizer(indexText(c, byId.get(c.docId)));
      bm25.add(tokens);
      idx.push(i + j);
      docNo.push(Number(c.docId.slice(1)));
      texts.push(c.text);
      vecs.push(literal(embedder.embedTokens(tokens)));
    });
    const b = performance.now();
    await db.query(`INSERT INTO ${schema}.chunks SELECT * FROM unnest($1::int[], $2::int[], $3::text[])`, [
      idx,
      docNo,
      texts,
    ]);
    await db.query(`INSERT INTO ${schema}.vectors SELECT * FROM unnest($1::int[], $2::vector[])`, [idx, vecs]);
    tokenizeMs += b - a;
    insertMs += performance.now() - b;
    if (i % 100000 === 0) console.error(`  big build: ${i} chunks`);
  }
  stages['tokenize+embed'] = tokenizeMs;
  stages['insert texts+vectors'] = insertMs;
  t = performance.now();
  bm25.freeze();
  stages['BM25 postings'] = performance.now() - t;
  t = performance.now();
  await new PgLexicalIndex(db, schema).save(bm25);
  stages['save postings'] = performance.now() - t;
  const sizes = await db.query<{ rel: string; mb: number }>(
    `SELECT c.relname AS rel, round(pg_total_relation_size(c.oid) / 1048576.0) AS mb FROM pg_class c
      JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r' ORDER BY 1`,
    [schema],
  );
  await db.close();
  const cpu = process.cpuUsage(c0);
  return {
    stages,
    buildCpuMs: (cpu.user + cpu.system) / 1000,
    tables: Object.fromEntries(sizes.rows.map((r) => [r.rel, Number(r.mb)])),
    peakRssMb: peakRssMb(),
  };
}

/** The pgvector index over the saved vectors (the slowest step at a million chunks: a phase of its own). */
async function vectorIndex(schema: string) {
  const db = await openPostgres(url(), { max: 1 });
  const c0 = process.cpuUsage();
  const stages: Record<string, number> = {};
  let t = performance.now();
  const vi = values['vector-index'];
  await db.exec(`DROP INDEX IF EXISTS ${schema}.vectors_embedding_idx`);
  if (vi !== 'none') {
    await db.transaction(async (tx) => {
      await tx.query("SET LOCAL maintenance_work_mem = '2GB'");
      await tx.query(
        vi === 'ivfflat'
          ? `CREATE INDEX vectors_embedding_idx ON ${schema}.vectors USING ivfflat (embedding vector_cosine_ops) WITH (lists = ${Math.max(10, Math.round(Math.sqrt(Number(values['big-chunks']))))})`
          : `CREATE INDEX vectors_embedding_idx ON ${schema}.vectors USING hnsw (embedding vector_cosine_ops)`,
      );
    });
  }
  stages[`pgvector ${vi} index`] = performance.now() - t;
  const sizes = await db.query<{ rel: string; mb: number }>(
    `SELECT c.relname AS rel, round(pg_total_relation_size(c.oid) / 1048576.0) AS mb FROM pg_class c
      JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 ORDER BY 1`,
    [schema],
  );
  await db.close();
  const cpu = process.cpuUsage(c0);
  return {
    stages,
    buildCpuMs: (cpu.user + cpu.system) / 1000,
    tables: Object.fromEntries(sizes.rows.map((r) => [r.rel, Number(r.mb)])),
    peakRssMb: peakRssMb(),
  };
}

async function replica(schema: string) {
  // Session settings for every pooled connection: candidates for the hybrid's 50 need ef_search ≥ 50.
  process.env.PGOPTIONS = '-c hnsw.ef_search=64 -c ivfflat.probes=10';
  const withVectors = values['vector-index'] !== 'none';
  const db = await openPostgres(url(), { max: 4 });
  const t0 = performance.now();
  const lexical = new PgLexicalIndex(db, schema);
  await lexical.load();
  const docOf = new Int32Array(lexical.size);
  for (let i = 0; i < docOf.length; i++) docOf[i] = Math.floor(i / 5); // scale-corpus.ts: five chunks a document
  const loadMs = performance.now() - t0;
  const embedder = new HashingEmbedder(256);
  const fusion = fusionFor(embedder.id);
  const queries = scaleQueries(Number(values['big-queries']));
  const vectorSearch = async (q: string) => {
    const v = embedder.embedOne(q);
    const r = await db.query<{ idx: number; score: number }>(
      `SELECT idx, 1 - (embedding <=> $1::vector) AS score FROM ${schema}.vectors ORDER BY embedding <=> $1::vector LIMIT $2`,
      [literal(v), CANDIDATES],
    );
    return r.rows.map((x) => ({ idx: x.idx, score: Number(x.score) }));
  };
  const hybrid = async (q: string) => {
    const [lex, vec] = await Promise.all([lexical.search(embedder.tokenizer(q), CANDIDATES), vectorSearch(q)]);
    const fused = [...fuse(lex, vec, fusion).entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
    const seen = new Set<number>();
    const top: number[] = [];
    for (const [idx, f] of fused) {
      if (fusion.requireLexical && f.lexical === undefined) continue;
      if (seen.has(docOf[idx]!)) continue;
      seen.add(docOf[idx]!);
      top.push(idx);
      if (top.length >= 10) break;
    }
    const r = await db.query(`SELECT idx, doc, text FROM ${schema}.chunks WHERE idx = ANY($1::int[])`, [top]);
    return r.rows;
  };
  const time = async (f: (q: string) => Promise<unknown>) => {
    const out: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await f(q.text);
      out.push(performance.now() - t);
    }
    return out;
  };
  const lexCold = await time((q) => lexical.search(embedder.tokenizer(q), CANDIDATES));
  const lexWarm = await time((q) => lexical.search(embedder.tokenizer(q), CANDIDATES));
  // Without a vector index every vector query is a scan of the whole table: not measured.
  const vec = withVectors ? await time(vectorSearch) : undefined;
  const hyb = withVectors ? await time(hybrid) : undefined;
  const cacheMb = Math.round(lexical.cacheBytes / 1048576);
  await db.close();
  return {
    loadMs,
    lexicalCold: p(lexCold),
    lexical: p(lexWarm),
    vector: vec && p(vec),
    hybrid: hyb && p(hyb),
    queries: queries.length,
    cacheMb,
    peakRssMb: peakRssMb(),
  };
}

if (values['big-child']) {
  const schema = values['big-schema'] as string;
  const r =
    values['big-child'] === 'build'
      ? await build(Number(values['big-chunks']), schema)
      : values['big-child'] === 'index'
        ? await vectorIndex(schema)
        : await replica(schema);
  console.log(`RESULT ${JSON.stringify(r)}`);
  process.exit(0);
}

function child(kind: string, schema: string, heapMb: number): Record<string, unknown> | undefined {
  const r = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${heapMb}`,
      ...process.execArgv,
      import.meta.filename,
      '--big-child',
      kind,
      '--big-schema',
      schema,
      '--big-chunks',
      String(values['big-chunks']),
      '--vector-index',
      String(values['vector-index']),
      '--big-queries',
      String(values['big-queries']),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) console.log(`  big ${kind}: failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''})`);
  return line ? (JSON.parse(line.slice(7)) as Record<string, unknown>) : undefined;
}

export async function bigRun(): Promise<void> {
  const n = Number(values['big-chunks']);
  const schema = (values['big-schema'] as string | undefined) ?? `scale_bench_${process.pid}`;
  console.log(
    `\nPostgreSQL path: ${n.toLocaleString('en')} chunks in schema ${schema}, vector index ${values['vector-index']}`,
  );
  const phase = values['big-phase'] as string;
  const stageLine = (b: Record<string, unknown>) => {
    const st = b.stages as Record<string, number>;
    console.log(
      `  ${Object.entries(st)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(
          ', ',
        )}; CPU of that process ${((b.buildCpuMs as number) / 1000).toFixed(1)} s; peak RSS ${b.peakRssMb} MB`,
    );
    console.log(`  tables (MB): ${JSON.stringify(b.tables)}`);
  };
  let ok = true;
  if (phase === 'all' || phase === 'build') {
    const b = child('build', schema, 16000);
    if (b) stageLine(b);
    ok = !!b;
  }
  if (ok && (phase === 'all' || phase === 'index')) {
    const b = child('index', schema, 2000);
    if (b) stageLine(b);
    ok = !!b;
  }
  if (ok && (phase === 'all' || phase === 'replica')) {
    const r = child('replica', schema, 4000);
    if (r) {
      const f = (x: unknown) => {
        if (!x) return '—';
        const [a, c] = x as [number, number];
        return `${a.toFixed(2)} / ${c.toFixed(2)} ms`;
      };
      console.log(
        `  replica (${r.queries} queries): start ${((r.loadMs as number) / 1000).toFixed(2)} s · lexical first sight ${f(r.lexicalCold)} · lexical ${f(r.lexical)} · vector ${f(r.vector)} · hybrid ${f(r.hybrid)} (p50 / p95) · postings cache ${r.cacheMb} MB · peak RSS ${r.peakRssMb} MB`,
      );
    }
  }
  if (!values.keep) {
    const db = await openPostgres(url(), { max: 1 });
    await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
  }
}

if (process.argv[1] === import.meta.filename) await bigRun();
