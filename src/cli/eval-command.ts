// `advisor eval retrieval --corpus C.jsonl --queries Q.jsonl [--mode] [--json]` (a benchmark in the
// xquad format), `advisor eval --suite extractive --corpus C.jsonl --queries Q.jsonl [--json]` (is
// the gold answer in the direct answer?) and `advisor eval --suite retrieval|safety|answers`.
import { cliText } from '../i18n/cli-texts.js';
import { wholeNumberOption, type Command } from './command-context.js';
import { progressReporter } from './progress.js';
import { UsageError } from './usage-error.js';

export const evalCommand: Command = async (ctx) => {
  const w = cliText(ctx.lang);
  const { options: o } = ctx;
  if (o.suite === 'extractive') {
    if (!o.corpus || !o.queries) throw new UsageError(w.evalNeedsFiles, 'eval');
    const { evalExtractive, readExtractiveQueries } = await import('../evals/eval-extractive.js');
    const { readCorpus } = await import('../rag/eval-retrieval.js');
    const { createEmbedder } = await import('../main.js');
    const report = await evalExtractive(
      readCorpus(o.corpus),
      readExtractiveQueries(o.queries),
      await createEmbedder(ctx.config),
    );
    if (o.json) ctx.print(report);
    else
      ctx.print(
        `extractive (${report.lang}, ${report.queries} queries): answer in lead ${report.answerInLead} (the first 480 characters of passage [1]: ${report.baselineAnswerInFirst480}) · mean lead ${report.meanLeadChars} characters · recall@1 ${report.recallAt1} · lead selection p50 ${report.leadMs.p50} ms p95 ${report.leadMs.p95} ms`,
      );
    return 0;
  }
  if (o.suite) {
    if (!['retrieval', 'safety', 'answers'].includes(o.suite))
      throw new UsageError(w.mustBe('--suite', 'retrieval, safety, answers, extractive'), 'eval');
    const limit = wholeNumberOption(o.limit, '--limit', ctx, { from: 1 });
    const { runSuite } = await import('../evals/run-suite.js');
    return runSuite(o.suite, (s) => ctx.print(s), {
      facts: o.facts,
      limit,
      models: ctx.config.evals,
      progress: progressReporter(ctx.io.err),
    });
  }
  if (ctx.args[0] !== 'retrieval') throw new UsageError(w.evalNeedsSuite, 'eval');
  if (!o.corpus || !o.queries) throw new UsageError(w.evalNeedsFiles, 'eval');
  const mode = o.mode ?? 'hybrid';
  if (mode !== 'hybrid' && mode !== 'lexical' && mode !== 'vector')
    throw new UsageError(w.mustBe('--mode', 'hybrid, lexical, vector'), 'eval');
  const { evalRetrieval, readCorpus, readQueries } = await import('../rag/eval-retrieval.js');
  const { createEmbedder } = await import('../main.js');
  const report = await evalRetrieval(readCorpus(o.corpus), readQueries(o.queries), await createEmbedder(ctx.config), {
    mode,
  });
  if (o.json) ctx.print(report);
  else {
    const f = (x: number) => x.toFixed(3);
    ctx.print(
      `${report.mode} (${report.embedder}) on ${report.queries} queries, ${report.corpus} passages: recall@1 ${f(report.recallAt1)} recall@5 ${f(report.recallAt5)} recall@10 ${f(report.recallAt10)} MRR@10 ${f(report.mrrAt10)} nDCG@10 ${f(report.ndcgAt10)} · latency p50 ${report.latencyMs.p50} ms p95 ${report.latencyMs.p95} ms`,
    );
  }
  return 0;
};
