// The extractive suite: does the direct answer (the lead) hold the answer? On the xquad format, whose
// queries carry the gold answer strings: retrieve the top passages as the assistant does, pick the
// lead from them, and count a hit when a gold answer string appears in the lead. Reported per
// language beside recall@1 of the right passage and the baseline the assistant had before leads:
// the first 480 characters of passage [1].
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { selectLead } from '../assistant/lead.js';
import { LANGS, type Lang } from '../domain/lang.js';
import type { Embedder } from '../rag/embedder.js';
import { buildEvalIndex, readJsonl, type CorpusRecord } from '../rag/eval-retrieval.js';
import { percentile } from '../rag/retrieval-metrics.js';

const extractiveQuery = z.object({
  id: z.string(),
  lang: z.enum(LANGS).optional(),
  text: z.string(),
  relevant: z.array(z.string()).min(1),
  answers: z.array(z.string()).min(1),
});
export type ExtractiveQuery = z.infer<typeof extractiveQuery>;
export const readExtractiveQueries = (path: string) => readJsonl(path, extractiveQuery);

export interface ExtractiveReport {
  lang: Lang;
  queries: number;
  /** Share of questions whose gold answer appears in the lead. */
  answerInLead: number;
  /** The same share for the old reply: the first 480 characters of passage [1]. */
  baselineAnswerInFirst480: number;
  meanLeadChars: number;
  recallAt1: number;
  leadMs: { p50: number; p95: number };
  misses: Array<{ id: string; question: string; lead: string; answers: string[] }>;
}

const PASSAGES = 5;
const BASELINE_CHARS = 480;

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const contains = (text: string, answers: readonly string[]) => answers.some((a) => norm(text).includes(norm(a)));

export async function evalExtractive(
  corpus: readonly CorpusRecord[],
  queries: readonly ExtractiveQuery[],
  embedder: Embedder,
): Promise<ExtractiveReport> {
  const lang = corpus[0]?.lang ?? 'en';
  const { index } = await buildEvalIndex(corpus, embedder, { split: false });
  const vectors = await embedder.embed(queries.map((q) => q.text));
  let inLead = 0;
  let inBaseline = 0;
  let leadChars = 0;
  let top1 = 0;
  const times: number[] = [];
  const misses: ExtractiveReport['misses'] = [];
  queries.forEach((q, i) => {
    const hits = index.search(q.text, vectors[i], { k: PASSAGES });
    if (hits[0] && q.relevant.includes(hits[0].docId)) top1++;
    if (hits[0] && contains(hits[0].text.slice(0, BASELINE_CHARS), q.answers)) inBaseline++;
    const t0 = performance.now();
    const { lead } = selectLead(
      q.text,
      hits.map((h, rank) => ({
        n: rank + 1,
        passages: [{ key: h.id, text: h.text, headingPath: h.headingPath }],
        countries: [],
        rank,
        score: h.score,
      })),
      { lang, idf: (t) => index.termIdf(t), missingIdf: index.maxIdf() },
    );
    times.push(performance.now() - t0);
    const text = lead?.text ?? '';
    leadChars += text.length;
    if (contains(text, q.answers)) inLead++;
    else if (misses.length < 20) misses.push({ id: q.id, question: q.text, lead: text, answers: q.answers });
  });
  const n = Math.max(1, queries.length);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    lang,
    queries: queries.length,
    answerInLead: r3(inLead / n),
    baselineAnswerInFirst480: r3(inBaseline / n),
    meanLeadChars: Math.round(leadChars / n),
    recallAt1: r3(top1 / n),
    leadMs: { p50: r3(percentile(times, 50)), p95: r3(percentile(times, 95)) },
    misses,
  };
}
