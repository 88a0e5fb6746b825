// `advisor serve` (`npm start`): the runtime with the database opened at once (beside loading the
// knowledge), then incremental ingest and the HTTP server, until SIGINT or SIGTERM.
import { cliText } from '../i18n/cli-texts.js';
import { noArguments, type Command } from './command-context.js';

export const serveCommand: Command = async (ctx) => {
  noArguments(ctx);
  const rtStarting = ctx.runtime({ openDbNow: true });
  rtStarting.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const { serve } = await import('../http/serve.js');
  const rt = await rtStarting;
  // Data files other commands read on first use: a long-running server checks them at start.
  void rt.routes?.network;
  void rt.tickets.firms;
  const serving = await serve(rt, ctx.log);
  const s = rt.kb.stats();
  const w = cliText(ctx.lang);
  const llm = ctx.config.llm.provider === 'none' ? w.noLlm : ctx.config.llm.model;
  ctx.io.out.write(
    `${w.running(serving.url)}\n  ${w.runningStats({ documents: s.documents, chunks: s.chunks, embedder: s.embedder, engine: rt.db.engine, llm })}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      ctx.log.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await serving.close();
  return 0;
};
