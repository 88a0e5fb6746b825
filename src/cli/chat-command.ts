// `advisor chat`: an interactive terminal session with memory. Streams the answer as it comes;
// `/lang zh|ru|en` chooses the answer language, `/exit` (or end of input) leaves.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Assistant } from '../assistant/assistant.js';
import { renderSourceList } from '../assistant/citations.js';
import { LANGS, type Lang } from '../domain/lang.js';

export async function chatSession(
  assistant: Assistant,
  input: NodeJS.ReadableStream,
  out: NodeJS.WritableStream,
  lang?: Lang,
): Promise<void> {
  const conversationId = `cli:${randomUUID()}`;
  const rl = createInterface({ input, terminal: false });
  let chosen = lang;
  out.write('SCO Trade Advisor — ask in 中文, русский or English. /lang zh|ru|en, /exit\n> ');
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/exit' || text === '/quit') break;
    if (text.startsWith('/lang')) {
      const l = text.split(/\s+/)[1];
      if ((LANGS as readonly string[]).includes(l ?? '')) chosen = l as Lang;
      out.write(`language: ${chosen ?? 'auto'}\n> `);
      continue;
    }
    if (!text) {
      out.write('> ');
      continue;
    }
    let streamed = false;
    for await (const ev of assistant.handleTurn({ text, channel: 'cli', conversationId, lang: chosen })) {
      if (ev.type === 'text') {
        out.write(ev.delta);
        streamed = true;
      } else if (ev.type === 'error') out.write(`${ev.message}\n`);
      else if (ev.type === 'done') {
        const r = ev.result;
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
