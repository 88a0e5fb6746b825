// `advisor ask "<q>" [--lang zh|ru|en] [--json]`: one answer in the asker's language with its
// sources. Retrieval-only answers come from the saved knowledge snapshot without opening the database.
import { renderSourceList } from '../assistant/citations.js';
import { detectLang } from '../i18n/detect-lang.js';
import { cliText } from '../i18n/cli-texts.js';
import { parseLangOption, requiredText, type Command } from './command-context.js';
import { ensureIngested } from './ingest-command.js';

export const askCommand: Command = async (ctx) => {
  const text = requiredText(ctx, 'ask');
  const lang = parseLangOption(ctx.options.lang, ctx.lang, 'ask');
  const rt = await ctx.runtime();
  await ensureIngested(rt, ctx.io.err, lang ?? detectLang(text)?.lang ?? ctx.lang);
  const outcome = await rt.assistant.ask({ text, channel: 'cli', lang, fallbackLang: ctx.lang });
  if (!outcome.ok) {
    // The question itself is unusable (empty, too long): the assistant's sentence, in its language.
    ctx.io.err.write(`${outcome.message}\n${cliText(outcome.lang).hint('ask')}\n`);
    return 2;
  }
  const r = outcome.result;
  const extras = [r.mode === 'llm' ? r.notices.join('\n') : '', renderSourceList(r.citations, r.lang)].filter(Boolean);
  ctx.print(ctx.options.json ? r : [r.answer, ...extras].join('\n\n'));
  // Nothing found is an answer that says so, and exit code 1 for scripts; a tool's answer (a route,
  // a company) or the offer of a lawyer is an answer, though it cites no document.
  const answered = r.toolCalls.some((c) => !c.error && !(c.output as { error?: unknown } | undefined)?.error);
  return r.mode === 'retrieval-only' && r.citations.length === 0 && !answered && !r.escalation?.suggested ? 1 : 0;
};
