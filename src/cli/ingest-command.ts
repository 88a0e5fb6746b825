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

/** Before answering from an empty knowledge base: ingest it first, saying so. */
export async function ensureIngested(
  rt: Runtime,
  err: NodeJS.WritableStream & { isTTY?: boolean },
  lang: Lang,
): Promise<void> {
  if (rt.kb.stats().documents > 0) return;
  err.write(`${cliText(lang).emptyKnowledge}\n`);
  const summary = await rt.ingest(progressPrinter(err, lang));
  err.write(`${formatSummary(summary, lang)}\n`);
}
