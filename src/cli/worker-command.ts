// `advisor worker`: deliver notifications (outbox) and run the ticket SLA timers, without HTTP.
import { cliText } from '../i18n/cli-texts.js';
import { noArguments, type Command } from './command-context.js';

export const workerCommand: Command = async (ctx) => {
  noArguments(ctx);
  const { startOutboxWorker } = await import('../jobs/start-worker.js');
  const rt = await ctx.runtime({ openDbNow: true });
  const worker = startOutboxWorker(rt, ctx.log);
  if (!worker) throw new Error(cliText(ctx.lang).nothingToDeliver);
  ctx.io.out.write(`${cliText(ctx.lang).workerRunning}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await worker.stop();
  return 0;
};
