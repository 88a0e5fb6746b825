// POST /api/ask: {"question": "...", "lang"?: "ru"} → the JSON of `advisor ask --json`, or the
// same as server-sent events when the caller accepts text/event-stream.
import { z } from 'zod';
import type { Advisor } from '../../assistant/advisor.js';
import { detectLang } from '../../i18n/detect-lang.js';
import { t } from '../../i18n/messages.js';
import { HttpError, langFromHeaders, sendJson, type RequestContext } from '../../http/http-server.js';
import { readBody } from '../../http/read-body.js';
import { LANGS } from '../../rag/types.js';

// Generous: a question may be refused as too long with a readable message instead of a 413.
const BODY_LIMIT = 512 * 1024;

const askBody = z.object({
  question: z.string(),
  lang: z.enum(LANGS).optional(),
  k: z.number().int().min(1).max(10).optional(),
});

export function askRoute(advisor: Advisor) {
  return async ({ req, res }: RequestContext): Promise<void> => {
    const raw = await readBody(req, BODY_LIMIT);
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new HttpError(400, t(langFromHeaders(req), 'badRequest'));
    }
    const parsed = askBody.safeParse(data);
    if (!parsed.success) {
      const q = (data as { question?: unknown } | null)?.question;
      const lang = typeof q === 'string' ? (detectLang(q.slice(0, 500))?.lang ?? langFromHeaders(req)) : langFromHeaders(req);
      throw new HttpError(400, t(lang, 'badRequest'));
    }
    const outcome = await advisor.ask(parsed.data.question, { lang: parsed.data.lang, ...(parsed.data.k ? { k: parsed.data.k } : {}) });
    if (!outcome.ok) {
      throw new HttpError(outcome.reason === 'too-long' ? 413 : 400, outcome.message, { reason: outcome.reason, lang: outcome.lang });
    }
    if (String(req.headers.accept ?? '').includes('text/event-stream')) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
      const r = outcome.result;
      for (const c of r.citations) res.write(`event: citation\ndata: ${JSON.stringify(c)}\n\n`);
      res.write(`event: delta\ndata: ${JSON.stringify({ text: r.answer })}\n\n`);
      res.write(`event: done\ndata: ${JSON.stringify(r)}\n\n`);
      res.end();
      return;
    }
    sendJson(res, 200, outcome.result);
  };
}
