// Ranking metrics with binary relevance, as the xquad README defines the task.

export interface RankedQuery {
  relevant: readonly string[];
  ranked: readonly string[];
}

export interface RetrievalMetrics {
  queries: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrrAt10: number;
  ndcgAt10: number;
}

export function recallAt(q: RankedQuery, k: number): number {
  if (q.relevant.length === 0) return 0;
  const top = new Set(q.ranked.slice(0, k));
  return q.relevant.filter((r) => top.has(r)).length / q.relevant.length;
}

export function reciprocalRankAt(q: RankedQuery, k: number): number {
  const rel = new Set(q.relevant);
  const i = q.ranked.slice(0, k).findIndex((id) => rel.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

export function ndcgAt(q: RankedQuery, k: number): number {
  const rel = new Set(q.relevant);
  let dcg = 0;
  q.ranked.slice(0, k).forEach((id, i) => {
    if (rel.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, rel.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function summarize(queries: readonly RankedQuery[]): RetrievalMetrics {
  const n = queries.length || 1;
  const mean = (f: (q: RankedQuery) => number) => round(queries.reduce((a, q) => a + f(q), 0) / n);
  return {
    queries: queries.length,
    recallAt1: mean((q) => recallAt(q, 1)),
    recallAt5: mean((q) => recallAt(q, 5)),
    recallAt10: mean((q) => recallAt(q, 10)),
    mrrAt10: mean((q) => reciprocalRankAt(q, 10)),
    ndcgAt10: mean((q) => ndcgAt(q, 10)),
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
