// POST /api/ask: {"question": "...", "lang"?: "ru", "conversationId"?: "..."} → the JSON of
// `advisor ask --json`, or the turn's events as server-sent events when the caller accepts
// text/event-stream (status, text deltas, tool calls, notices, done; `error` with a readable message
// when the turn fails after the stream has begun).
import { z } from 'zod';
import type { Assistant } from '../../assistant/assistant.js';
import { detectLang } from '../../i18n/detect-lang.js';
import { t } from '../../i18n/messages.js';
import { HttpError, langFromHeaders, sendJson, type RequestContext } from '../../http-kit/http-server.js';
import { JSON_TYPES, readBody } from '../../http-kit/read-body.js';
import { LANGS } from '../../domain/lang.js';
import { conversationIdSchema, storedConversationId } from './conversation-id.js';

// Generous: a question may be refused as too long with a readable message instead of a 413.
const BODY_LIMIT = 512 * 1024;

const askBody = z.object({
  question: z.string(),
  lang: z.enum(LANGS).optional(),
  conversationId: conversationIdSchema.optional(),
});

export function askRoute(assistant: Assistant) {
  return async ({ req, res, log }: RequestContext): Promise<void> => {
    const raw = (await readBody(req, { limit: BODY_LIMIT, types: JSON_TYPES })).toString('utf8');
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new HttpError(400, t(langFromHeaders(req), 'badRequest'));
    }
    const parsed = askBody.safeParse(data);
    if (!parsed.success) {
      const q = (data as { question?: unknown } | null)?.question;
      const lang =
        typeof q === 'string' ? (detectLang(q.slice(0, 500))?.lang ?? langFromHeaders(req)) : langFromHeaders(req);
      // A conversation id the page did not choose well is named, not "the request could not be read".
      const badId = parsed.error.issues.some((i) => i.path[0] === 'conversationId');
      throw new HttpError(400, t(lang, badId ? 'badConversationId' : 'badRequest'));
    }
    const turn = {
      text: parsed.data.question,
      channel: 'web' as const,
      lang: parsed.data.lang,
      // A question with no words to detect (emoji, "???") is answered in the page's language.
      fallbackLang: langFromHeaders(req),
      conversationId: parsed.data.conversationId ? storedConversationId(parsed.data.conversationId) : undefined,
    };
    // The reply names the conversation by the id the caller chose, so that it can be sent back as is with
    // the next question or with feedback: the stored form ("web:…") fails the id's own check (trial 12's
    // runner echoed it and every follow-up was refused).
    const asSent = <R extends { conversationId?: string }>(result: R): R =>
      parsed.data.conversationId ? { ...result, conversationId: parsed.data.conversationId } : result;
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const events = assistant.handleTurn({ ...turn, signal: abort.signal });
    if (String(req.headers.accept ?? '').includes('text/event-stream')) {
      let started = false;
      try {
        for await (const ev of events) {
          if (ev.type === 'error')
            throw new HttpError(ev.reason === 'too-long' ? 413 : 400, ev.message, { reason: ev.reason, lang: ev.lang });
          if (!started) {
            res.writeHead(200, {
              'content-type': 'text/event-stream; charset=utf-8',
              'cache-control': 'no-store',
              'x-accel-buffering': 'no',
            });
            started = true;
          }
          const payload = ev.type === 'done' ? asSent(ev.result) : ev;
          res.write(`event: ${ev.type}\ndata: ${JSON.stringify(payload)}\n\n`);
        }
      } catch (err) {
        if (!started || abort.signal.aborted) throw err;
        // Headers are gone: the failure travels as the stream's last event, in the reader's language.
        log.error({ err }, 'answer stream failed');
        res.write(`event: error\ndata: ${JSON.stringify({ message: t(langFromHeaders(req), 'internalError') })}\n\n`);
      }
      res.end();
      return;
    }
    for await (const ev of events) {
      if (ev.type === 'error')
        throw new HttpError(ev.reason === 'too-long' ? 413 : 400, ev.message, { reason: ev.reason, lang: ev.lang });
      if (ev.type === 'done') return sendJson(res, 200, asSent(ev.result));
    }
  };
}
