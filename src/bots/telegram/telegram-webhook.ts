// POST /telegram/webhook: the secret token is checked before a byte of the body is read (401
// without it); the body is read by the bounded reader whether it comes with a Content-Length or
// chunked; what is not a Telegram update is refused (400) with a warning; grammY is handed the
// parsed update and the call is answered when it is handled (or after 50 s, handling going on).
import { createHash, timingSafeEqual } from 'node:crypto';
import { BotError, webhookCallback, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { HttpError, type Router } from '../../http-kit/http-server.js';
import { readJson } from '../../http-kit/read-body.js';
import { notAnUpdate } from './telegram-update-guard.js';

export const MAX_UPDATE_BYTES = 1024 * 1024;

/** Telegram waits about 60 s for an answer before it redelivers; the handling goes on after this. */
export const WEBHOOK_ANSWER_MS = 50_000;

/** Webhook mode: the route must exist before the server listens. */
export function addTelegramWebhookRoute(
  router: Router,
  bot: Bot,
  secret: string,
  answerWithinMs = WEBHOOK_ANSWER_MS,
): void {
  const handle = webhookCallback(bot, 'callback', {
    secretToken: secret,
    onTimeout: 'return',
    timeoutMilliseconds: answerWithinMs,
  });
  router.on('POST', '/telegram/webhook', async ({ req, res, log }) => {
    const header = req.headers['x-telegram-bot-api-secret-token'];
    // Checked before a byte of the body is read: strangers cannot make us buffer anything.
    if (typeof header !== 'string' || !sameSecret(header, secret)) throw new HttpError(401, 'unauthorized');
    let update: unknown;
    try {
      update = await readJson(req, { limit: MAX_UPDATE_BYTES, badRequest: 'the update is not JSON' });
    } catch (err) {
      if (err instanceof HttpError) log.warn({ status: err.status, problem: err.message }, 'telegram update refused');
      throw err;
    }
    const problem = notAnUpdate(update);
    if (problem) {
      log.warn({ status: 400, problem }, 'telegram update refused');
      throw new HttpError(400, `not a Telegram update: ${problem}`);
    }
    // A well-formed envelope with malformed fields is dropped by the bot's first middleware and
    // answered 200, so Telegram does not redeliver it forever.
    try {
      await handle(update as Update, () => undefined, header);
    } catch (err) {
      // grammY's handleUpdate throws what a handler threw instead of calling bot.catch (polling does
      // call it): the error boundary is the same in both modes, and Telegram gets its 200.
      if (!(err instanceof BotError)) throw err;
      await bot.errorHandler(err);
    }
    // grammY never writes to `res` here: the 'callback' adapter's reply goes to the no-op above
    // (webhook replies are off), so the answer is always ours to send.
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
}

export function sameSecret(given: string, expected: string): boolean {
  // Equal-length digests, so the comparison takes the same time wherever the strings differ.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
