// `advisor ingest [--json]`: index knowledge/ incrementally; progress on stderr, the summary on stdout.
import type { Runtime } from '../main.js';
import { cliText } from '../i18n/cli-texts.js';
import type { Lang } from '../domain/lang.js';
import { noArguments, type Command } from './command-context.js';
import { formatSummary, progressPrinter } from './ingest-progress.js';

export const ingestCommand: Command = async (ctx) => {
  noArguments(ctx);
  const rt = await ctx.runtime();
  const summary = await rt.ingest(ctx.options.json ? undefined : progressPrinter(ctx.io.err, ctx.lang));
  ctx.print(ctx.options.json ? summary : formatSummary(summary, ctx.lang));
  return summary.failed.length ? 1 : 0;
};

/**
 * Before answering: ingest an empty knowledge base first, and finish one whose last ingest was
 * stopped part-way (Ctrl-C during the first run left a few dozen documents, and every later answer
 * came from those without a word). A knowledge base opened from its snapshot needs no look: the
 * snapshot is saved only after an ingest finished.
 */
export async function ensureIngested(
  rt: Runtime,
  err: NodeJS.WritableStream & { isTTY?: boolean },
  lang: Lang,
): Promise<void> {
  const stats = rt.kb.stats();
  let notice: string;
  if (stats.documents === 0) notice = cliText(lang).emptyKnowledge;
  else {
    if (stats.source === 'snapshot') return;
    const last = await rt.repo.lastRun();
    if (last?.status !== 'running') return;
    // On a shared server the run may be another process's, still going: say so, change nothing.
    if (rt.db.engine !== 'pglite') {
      err.write(`${cliText(lang).ingestUnfinished(last.startedAt)}\n`);
      return;
    }
    notice = cliText(lang).ingestResumed;
  }
  err.write(`${notice}\n`);
  const summary = await rt.ingest(progressPrinter(err, lang));
  err.write(`${formatSummary(summary, lang)}\n`);
}
