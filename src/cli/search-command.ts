// `advisor search "<q>" [--k 5] [--lang] [--category] [--country] [--json]`: ranked passages.
import { detectLang } from '../i18n/detect-lang.js';
import { cliText } from '../i18n/cli-texts.js';
import { parseLangOption, requiredText, wholeNumberOption, type Command } from './command-context.js';
import { ensureIngested } from './ingest-command.js';

export const searchCommand: Command = async (ctx) => {
  const text = requiredText(ctx, 'search');
  const lang = parseLangOption(ctx.options.lang, ctx.lang, 'search');
  const k = wholeNumberOption(ctx.options.k, '--k', ctx, { from: 1, to: 100 }) ?? 5;
  const rt = await ctx.runtime();
  const speak = detectLang(text)?.lang ?? ctx.lang;
  await ensureIngested(rt, ctx.io.err, speak);
  const hits = await rt.kb.search(text, { k, lang, category: ctx.options.category, country: ctx.options.country });
  const rows = hits.map((h) => ({
    id: h.id,
    docId: h.docId,
    title: h.title,
    lang: h.lang,
    headingPath: h.headingPath,
    text: h.text,
    score: Math.round(h.score * 1000) / 1000,
    source: h.source,
    asOf: h.asOf,
  }));
  ctx.print(
    ctx.options.json
      ? rows
      : rows
          .map((r, i) => `${i + 1}. [${r.docId}] ${r.title} — ${r.headingPath.slice(1).join(' › ')} (${r.score})`)
          .join('\n') || cliText(speak).noResults,
  );
  return rows.length ? 0 : 1;
};
