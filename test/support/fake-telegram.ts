// A fake Bot API server on 127.0.0.1 speaking Telegram's JSON: every call is
// POST /bot<token>/<method> answered {"ok": true, "result": …}. It records calls, serves queued
// updates to getUpdates (long polling) and can answer 429 with retry_after once.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitForCall } from './wait-for-call.js';

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
  result?: { message_id: number };
}

export const BOT_USER = {
  id: 777000,
  is_bot: true as const,
  first_name: 'SCO Advisor',
  username: 'sco_advisor_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  calls: ApiCall[];
  push(update: Record<string, unknown>): void;
  /** The next call of this method answers 429 with retry_after = seconds. */
  throttleNext(method: string, seconds: number): void;
  /** While set, every call but getUpdates answers this status (429 with retry_after 60, or a 5xx). */
  failWith: number | undefined;
  /** The next sendMessage whose text matches is delivered (recorded with its result) and then the
   * connection is held open until the fake closes: Telegram has the message, the caller never learns. */
  hangAfterSend(match: RegExp): void;
  /** From the (n+1)-th delivered sendMessage on, requests are held unanswered and not delivered (a
   * process killed mid fan-out never learns their fate); undefined delivers again. */
  holdSendsAfter: number | undefined;
  waitFor(pred: (c: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  close(): Promise<void>;
}

export async function startFakeTelegram(token = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz'): Promise<FakeTelegram> {
  const calls: ApiCall[] = [];
  const queue: Array<Record<string, unknown>> = [];
  const waiting: Array<() => void> = [];
  const throttles = new Map<string, number>();
  let messageId = 100;
  const state = {
    failWith: undefined as number | undefined,
    hang: undefined as RegExp | undefined,
    holdAfter: undefined as number | undefined,
    delivered: 0,
  };
  const server = createServer(async (req, res) => {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!m || m[1] !== token) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    const payload = String(req.headers['content-type'] ?? '').startsWith('multipart/')
      ? await readMultipart(req)
      : await readJson(req);
    const call: ApiCall = { method, payload };
    if (method !== 'getUpdates') calls.push(call);
    if (state.failWith && method !== 'getUpdates') {
      const status = state.failWith;
      return send(status, {
        ok: false,
        error_code: status,
        description: status === 429 ? 'Too Many Requests: retry after 60' : 'Bad Gateway',
        ...(status === 429 ? { parameters: { retry_after: 60 } } : {}),
      });
    }
    const wait = throttles.get(method);
    if (wait !== undefined) {
      throttles.delete(method);
      return send(429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${wait}`,
        parameters: { retry_after: wait },
      });
    }
    const ok = (result: unknown) => send(200, { ok: true, result });
    switch (method) {
      case 'getMe':
        return ok(BOT_USER);
      case 'getUpdates': {
        const offset = Number(payload.offset ?? 0);
        while (queue.length && Number(queue[0]!.update_id) < offset) queue.shift();
        if (!queue.length) {
          // Long poll: hold the request until an update arrives or a short timeout passes.
          await new Promise<void>((r) => {
            const timer = setTimeout(r, Math.min(500, Number(payload.timeout ?? 0) * 1000));
            waiting.push(() => {
              clearTimeout(timer);
              r();
            });
          });
        }
        return ok(queue.filter((u) => Number(u.update_id) >= offset).slice(0, Number(payload.limit ?? 100)));
      }
      case 'sendMessage':
        if (state.holdAfter !== undefined && state.delivered >= state.holdAfter) return;
        state.delivered++;
        call.result = { message_id: ++messageId };
        if (state.hang?.test(String(payload.text))) {
          state.hang = undefined;
          return;
        }
        return ok({
          message_id: messageId,
          date: 0,
          chat: { id: payload.chat_id, type: 'private' },
          text: payload.text,
          from: BOT_USER,
        });
      case 'editMessageText':
        return ok({
          message_id: payload.message_id,
          date: 0,
          chat: { id: payload.chat_id, type: 'private' },
          text: payload.text,
        });
      default:
        return ok(true);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    push(update) {
      queue.push(update);
      for (const w of waiting.splice(0)) w();
    },
    throttleNext(method, seconds) {
      throttles.set(method, seconds);
    },
    get failWith() {
      return state.failWith;
    },
    set failWith(v: number | undefined) {
      state.failWith = v;
    },
    hangAfterSend(match) {
      state.hang = match;
    },
    get holdSendsAfter() {
      return state.holdAfter;
    },
    set holdSendsAfter(n: number | undefined) {
      state.holdAfter = n;
    },
    waitFor: (pred, timeoutMs) => waitForCall(calls, pred, timeoutMs),
    close: () =>
      new Promise<void>((r) => {
        for (const w of waiting.splice(0)) w();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// Uploads (sendPhoto) come as multipart/form-data: the text fields are kept, files noted by size.
async function readMultipart(req: IncomingMessage): Promise<Record<string, any>> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  const body = Buffer.concat(parts).toString('latin1');
  const out: Record<string, any> = { multipart: true, bytes: body.length };
  for (const part of body.split(/-{2,}[A-Za-z0-9]+/)) {
    const m = /name="([^"]+)"(?:;\s*filename="?([^"\r\n]+)"?)?\r\n(?:content-type:[^\r]*\r\n)?\r\n([\s\S]*)\r\n$/i.exec(
      part,
    );
    if (!m) continue;
    out[m[1]!] = m[2] ? { filename: m[2], bytes: m[3]!.length, png: m[3]!.startsWith('\u0089PNG') } : m[3];
  }
  return out;
}

async function readJson(req: IncomingMessage): Promise<Record<string, any>> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  return text ? JSON.parse(text) : {};
}

let nextUpdateId = 1000;
export function textUpdate(
  text: string,
  opts: {
    chatId?: number;
    userId?: number;
    chatType?: 'private' | 'group' | 'supergroup';
    languageCode?: string;
    updateId?: number;
    entities?: unknown[];
    replyToBot?: boolean;
    replyToMessageId?: number;
    /** The replied-to message as Telegram sends it along: plain text, no markup. */
    replyToText?: string;
    threadId?: number;
  } = {},
) {
  const userId = opts.userId ?? 42;
  const chatId = opts.chatId ?? userId;
  const command = /^\/\w+/.exec(text);
  return {
    update_id: opts.updateId ?? ++nextUpdateId,
    message: {
      message_id: nextUpdateId,
      date: Math.floor(Date.now() / 1000),
      chat:
        opts.chatType && opts.chatType !== 'private'
          ? { id: chatId, type: opts.chatType, title: 'Exporters' }
          : { id: chatId, type: 'private', first_name: 'Ivan' },
      from: { id: userId, is_bot: false, first_name: 'Ivan', language_code: opts.languageCode ?? 'ru' },
      text,
      ...(opts.threadId ? { message_thread_id: opts.threadId, is_topic_message: true } : {}),
      ...(command
        ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] }
        : opts.entities
          ? { entities: opts.entities }
          : {}),
      ...(opts.replyToBot || opts.replyToMessageId
        ? {
            reply_to_message: {
              message_id: opts.replyToMessageId ?? 1,
              date: 0,
              chat: { id: chatId, type: opts.chatType ?? 'private' },
              from: BOT_USER,
              text: opts.replyToText ?? 'earlier answer',
            },
          }
        : {}),
    },
  };
}

export function callbackUpdate(data: string, opts: { userId?: number; chatId?: number; messageId?: number } = {}) {
  const userId = opts.userId ?? 42;
  return {
    update_id: ++nextUpdateId,
    callback_query: {
      id: `cb${nextUpdateId}`,
      from: { id: userId, is_bot: false, first_name: 'Ivan', language_code: 'ru' },
      chat_instance: 'ci',
      data,
      message: {
        message_id: opts.messageId ?? 101,
        date: 0,
        chat: { id: opts.chatId ?? userId, type: 'private', first_name: 'Ivan' },
        from: BOT_USER,
        text: 'answer',
      },
    },
  };
}

export function photoUpdate(caption?: string, opts: { userId?: number } = {}) {
  const userId = opts.userId ?? 42;
  return {
    update_id: ++nextUpdateId,
    message: {
      message_id: nextUpdateId,
      date: 0,
      chat: { id: userId, type: 'private', first_name: 'Ivan' },
      from: { id: userId, is_bot: false, first_name: 'Ivan', language_code: 'ru' },
      photo: [{ file_id: 'f1', file_unique_id: 'u1', width: 10, height: 10 }],
      ...(caption ? { caption } : {}),
    },
  };
}

/** What a Telegram client shows of a message the bot sent with parse_mode HTML. */
export function plainOfHtml(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
