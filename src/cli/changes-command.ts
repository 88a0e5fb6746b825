// `advisor changes [--since YYYY-MM-DD] [--json]`: the per-document change log of ingests, oldest
// first: added, removed, changed (which sections; which figures and dates appeared or went) or
// re-checked (new metadata, same text).
import type { Lang } from '../domain/lang.js';
import type { LoggedChange } from '../domain/watch.js';
import { watchText } from '../i18n/watch-texts.js';
import { noArguments, type Command } from './command-context.js';
import { UsageError } from './usage-error.js';

export const changesCommand: Command = async (ctx) => {
  noArguments(ctx);
  const since = ctx.options.since;
  if (since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since))))
    throw new UsageError(watchText(ctx.lang, 'sinceInvalid'), ctx.command);
  const rt = await ctx.runtime();
  const list = await rt.changes.list(since);
  ctx.print(ctx.options.json ? list : formatChanges(list, ctx.lang));
  return 0;
};

const ACTION = {
  added: 'actionAdded',
  removed: 'actionRemoved',
  changed: 'actionChanged',
  rechecked: 'actionRechecked',
} as const;

export function formatChanges(list: readonly LoggedChange[], lang: Lang): string {
  if (list.length === 0) return watchText(lang, 'changesNone');
  const lines: string[] = [];
  let batch = '';
  for (const c of list) {
    if (c.batch !== batch) {
      batch = c.batch;
      lines.push(`${lines.length ? '\n' : ''}${c.at}  ${c.batch}`);
    }
    const asOf = c.asOf ? ` (${watchText(lang, 'asOf')} ${c.asOf})` : '';
    lines.push(`  ${watchText(lang, ACTION[c.action]).padEnd(12)} ${c.docId}  ${c.title}${asOf}`);
    for (const s of c.action === 'changed' ? c.sections : []) {
      const delta = [
        ...s.dates.added.map((d) => `+${d}`),
        ...s.dates.removed.map((d) => `−${d}`),
        ...s.figures.added.map((f) => `+${f}`),
        ...s.figures.removed.map((f) => `−${f}`),
      ];
      lines.push(`      § ${s.heading || '—'} [${s.kind}]${delta.length ? `: ${delta.join(', ')}` : ''}`);
      if (s.excerpt) lines.push(`        “${s.excerpt}”`);
    }
  }
  return lines.join('\n');
}
