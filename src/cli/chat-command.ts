// `advisor chat`: an interactive terminal session with memory. Streams the answer as it comes;
// `/lang zh|ru|en|auto` chooses the answer language (and is confirmed in it), `/exit` (or end of
// input) leaves.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Assistant } from '../assistant/assistant.js';
import { renderSourceList } from '../assistant/citations.js';
import { LANGS, type Lang } from '../domain/lang.js';
import { cliText } from '../i18n/cli-texts.js';
import { noArguments, parseLangOption, type Command } from './command-context.js';
import { ensureIngested } from './ingest-command.js';

export const chatCommand: Command = async (ctx) => {
  noArguments(ctx);
  const lang = parseLangOption(ctx.options.lang, ctx.lang, 'chat');
  const rt = await ctx.runtime();
  await ensureIngested(rt, ctx.io.err, lang ?? ctx.lang);
  await chatSession(rt.assistant, ctx.io.in ?? process.stdin, ctx.io.out, lang, ctx.lang);
  return 0;
};

export async function chatSession(
  assistant: Assistant,
  input: NodeJS.ReadableStream,
  out: NodeJS.WritableStream,
  lang: Lang | undefined,
  uiLang: Lang,
): Promise<void> {
  const conversationId = `cli:${randomUUID()}`;
  const rl = createInterface({ input, terminal: false });
  let chosen = lang;
  // Words around the answers follow the chosen language, else the last question's.
  let speak: Lang = lang ?? uiLang;
  out.write(`${cliText(speak).chatBanner}\n> `);
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/exit' || text === '/quit') break;
    if (text.startsWith('/lang')) {
      const l = text.split(/\s+/)[1];
      if ((LANGS as readonly string[]).includes(l ?? '')) chosen = l as Lang;
      else if (l === 'auto') chosen = undefined;
      if (chosen) speak = chosen;
      const w = cliText(speak);
      out.write(`${w.chatLanguage(w.languageNames[chosen ?? 'auto'])}\n> `);
      continue;
    }
    if (!text) {
      out.write('> ');
      continue;
    }
    let streamed = false;
    for await (const ev of assistant.handleTurn({
      text,
      channel: 'cli',
      conversationId,
      lang: chosen,
      fallbackLang: speak,
    })) {
      if (ev.type === 'text') {
        out.write(ev.delta);
        streamed = true;
      } else if (ev.type === 'error') out.write(`${ev.message}\n`);
      else if (ev.type === 'done') {
        const r = ev.result;
        speak = r.lang;
        // A streamed answer was shown as it came; the final text is shown when nothing streamed
        // or the model failed and the passages replaced it.
        if (!streamed || r.mode === 'retrieval-only') out.write(`${streamed ? '\n\n' : ''}${r.answer}`);
        const sources = renderSourceList(r.citations, r.lang);
        out.write(
          `\n${r.mode === 'llm' ? r.notices.map((n) => `\n${n}`).join('') : ''}${sources ? `\n${sources}` : ''}\n`,
        );
      }
    }
    out.write('> ');
  }
  rl.close();
  out.write('\n');
}
