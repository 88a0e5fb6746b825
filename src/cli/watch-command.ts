// `advisor watch import <file|url> [--json]`: WTO ePing TBT/SPS notifications (CSV or JSON export).
// Those from EAEU and SCO members are stored and their subscribers alerted; a file that does not
// parse changes nothing and says why.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { watchText } from '../i18n/watch-texts.js';
import type { Command } from './command-context.js';
import { UsageError } from './usage-error.js';

const MAX_BYTES = 20 * 1024 * 1024;

export const watchCommand: Command = async (ctx) => {
  const [sub, source, extra] = ctx.args;
  if (sub !== 'import' || !source || extra !== undefined)
    throw new UsageError(watchText(ctx.lang, 'watchUsage'), ctx.command);
  const text = await readSource(source);
  const { EpingFormatError, exportKind, parseEpingExport } = await import('../watch/eping-import.js');
  let parsed;
  try {
    parsed = await parseEpingExport(text, exportKind(source, text));
  } catch (err) {
    if (err instanceof EpingFormatError)
      throw new Error(watchText(ctx.lang, 'importBad', { file: source, reason: err.message }));
    throw err;
  }
  const rt = await ctx.runtime();
  // The same file imported twice is one batch: its digests are not sent again.
  const batch = `eping:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  const { fresh, digests } = await rt.watch.importNotifications(batch, parsed.kept);
  const result = { total: parsed.total, kept: parsed.kept.length, fresh, digests, batch };
  ctx.print(ctx.options.json ? result : watchText(ctx.lang, 'importDone', result));
  return 0;
};

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    const res = await fetch(source, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new Error(`${source}: HTTP ${res.status}`);
    const body = await res.text();
    if (body.length > MAX_BYTES) throw new Error(`${source}: larger than ${MAX_BYTES} bytes`);
    return body;
  }
  try {
    return await readFile(source, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(e.code === 'ENOENT' ? `${source}: no such file` : `${source}: ${e.message}`);
  }
}
