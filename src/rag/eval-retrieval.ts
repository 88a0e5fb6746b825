// Runs a retrieval benchmark in the xquad format (corpus.jsonl + queries.jsonl) through the same
// tokenizer, embedder and hybrid index the assistant uses; each record is one passage, as in the reference.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { Embedder } from './embedder.js';
import { buildHybridIndex } from './build-hybrid-index.js';
import { fusionFor, type FusionWeights } from './hybrid-index.js';
import { percentile, summarize, type RankedQuery, type RetrievalMetrics } from './retrieval-metrics.js';
import { splitMarkdown } from './split-text.js';
import { LANGS } from '../domain/lang.js';
import { type DocMeta, type IndexedChunk } from '../domain/knowledge.js';

const corpusLine = z.object({ id: z.string(), lang: z.enum(LANGS), title: z.string().default(''), text: z.string() });
const queryLine = z.object({
  id: z.string(),
  lang: z.string().optional(),
  text: z.string(),
  relevant: z.array(z.string()).min(1),
});

export type CorpusRecord = z.infer<typeof corpusLine>;
export type QueryRecord = z.infer<typeof queryLine>;

export function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.replace(/^\uFEFF/, '').trim(), n: i + 1 }))
    .filter((l) => l.line)
    .map(({ line, n }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${n}: not valid JSON`);
      }
      const r = schema.safeParse(raw);
      if (!r.success)
        throw new Error(`${path}:${n}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      return r.data;
    });
}

export const readCorpus = (path: string) => readJsonl(path, corpusLine);
export const readQueries = (path: string) => readJsonl(path, queryLine);

export interface RetrievalEvalReport extends RetrievalMetrics {
  embedder: string;
  mode: 'hybrid' | 'lexical' | 'vector';
  corpus: number;
  chunks: number;
  buildMs: number;
  latencyMs: { p50: number; p95: number };
}

export async function buildEvalIndex(
  corpus: readonly CorpusRecord[],
  embedder: Embedder,
  opts: { fusion?: FusionWeights; split?: boolean; tokenizer?: (text: string) => string[] } = {},
) {
  const t0 = performance.now();
  const docs: DocMeta[] = corpus.map((c) => ({
    id: c.id,
    slug: c.id,
    lang: c.lang,
    title: c.title,
    category: 'benchmark',
    countries: [],
    sources: [],
    translations: [],
    asOf: undefined,
    reviewBy: undefined,
  }));
  const chunks: IndexedChunk[] = corpus.flatMap((c) => {
    const pieces = opts.split === false ? [{ headingPath: [], text: c.text }] : splitMarkdown(c.text);
    return pieces.map((p, ord) => ({
      id: `${c.id}#${ord}`,
      docId: c.id,
      ord,
      headingPath: p.headingPath,
      text: p.text,
    }));
  });
  const { index } = await buildHybridIndex(chunks, docs, embedder, {
    ...(opts.fusion ? { fusion: opts.fusion } : {}),
    ...(opts.tokenizer ? { tokenizer: opts.tokenizer } : {}),
  });
  return { index, chunks: chunks.length, buildMs: performance.now() - t0 };
}

export async function evalRetrieval(
  corpus: readonly CorpusRecord[],
  queries: readonly QueryRecord[],
  embedder: Embedder,
  opts: {
    fusion?: FusionWeights;
    mode?: 'hybrid' | 'lexical' | 'vector';
    split?: boolean;
    tokenizer?: (text: string) => string[];
  } = {},
): Promise<RetrievalEvalReport> {
  const mode = opts.mode ?? 'hybrid';
  const fusion = opts.fusion ?? fusionFor(embedder.id);
  const weights =
    mode === 'lexical' ? { ...fusion, vector: 0 } : mode === 'vector' ? { ...fusion, lexical: 0 } : fusion;
  const { index, chunks, buildMs } = await buildEvalIndex(corpus, embedder, {
    fusion: weights,
    split: opts.split ?? false,
    ...(opts.tokenizer ? { tokenizer: opts.tokenizer } : {}),
  });
  const ranked: RankedQuery[] = [];
  const latencies: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const vector = weights.vector > 0 ? (await embedder.embed([q.text]))[0] : undefined;
    const hits = index.search(q.text, vector, { k: 10 });
    latencies.push(performance.now() - t);
    ranked.push({ relevant: q.relevant, ranked: hits.map((h) => h.docId) });
  }
  return {
    ...summarize(ranked),
    embedder: embedder.id,
    mode,
    corpus: corpus.length,
    chunks,
    buildMs: Math.round(buildMs),
    latencyMs: { p50: round2(percentile(latencies, 50)), p95: round2(percentile(latencies, 95)) },
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
