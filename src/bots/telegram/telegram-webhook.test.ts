import { request } from 'node:http';
import { Bot } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, createHttpServer, listen, Router } from '../../http-kit/http-server.js';
import { createLogger } from '../../observability/logger.js';
import { BOT_USER, textUpdate } from '../../../test/support/fake-telegram.js';
import { logRecorder } from '../../../test/support/start-app.js';
import { addTelegramWebhookRoute, MAX_UPDATE_BYTES, sameSecret } from './telegram-webhook.js';

describe('POST /telegram/webhook', () => {
  const SECRET = 'wh-secret_1';
  const handled: number[] = [];
  const caught: string[] = [];
  const logs = logRecorder();
  let url: string;
  let server: ReturnType<typeof createHttpServer>;
  let brokenServer: ReturnType<typeof createHttpServer>;
  let brokenUrl: string;
  beforeAll(async () => {
    const bot = new Bot('1:x', { botInfo: BOT_USER, client: { apiRoot: 'http://127.0.0.1:9' } });
    bot.use(async (ctx) => {
      if (ctx.update.update_id === 13) throw new Error('handler bug');
      if (ctx.update.update_id === 14) await new Promise((r) => setTimeout(r, 1500));
      handled.push(ctx.update.update_id);
    });
    bot.catch((err) => void caught.push(String((err.error as Error | undefined)?.message ?? err)));
    const router = new Router();
    addTelegramWebhookRoute(router, bot, SECRET, 300);
    server = createHttpServer(router, createLogger('warn', logs.stream));
    url = (await listen(server, 0, '127.0.0.1')).url;
    // A bot that cannot start (its getMe answered 404 by a server that is not Telegram): a failure
    // of grammY itself, not of a handler.
    const broken = new Bot('2:x', { client: { apiRoot: `${url}/not-telegram` } });
    broken.catch((err) => void caught.push(`broken: ${String(err)}`));
    const other = new Router();
    addTelegramWebhookRoute(other, broken, SECRET);
    brokenServer = createHttpServer(other, createLogger('silent'));
    brokenUrl = (await listen(brokenServer, 0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    await closeServer(server);
    await closeServer(brokenServer);
  });

  const post = (body: string, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }) =>
    fetch(`${url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('hands grammY the parsed update and answers 200 once it is handled', async () => {
    const r = await post(JSON.stringify(textUpdate('hi', { updateId: 11 })));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(await r.json()).toEqual({ ok: true });
    expect(handled).toContain(11);
  });

  it('answers 200 when the handling takes longer than the answer may wait, and the handling goes on', async () => {
    const r = await post(JSON.stringify(textUpdate('slow', { updateId: 14 })));
    expect(r.status).toBe(200);
    // Answered at 300 ms, while the handler still sleeps (1.5 s): Telegram does not redeliver.
    expect(handled).not.toContain(14);
    await expect.poll(() => handled.includes(14), { timeout: 5000 }).toBe(true);
  });

  it('does not pass a failure of grammY itself off as a handled update: 500, so Telegram redelivers', async () => {
    const mark = caught.length;
    const r = await fetch(`${brokenUrl}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(textUpdate('hi', { updateId: 15 })),
    });
    expect(r.status).toBe(500);
    expect(caught.slice(mark)).toEqual([]);
  });

  it("sends a handler's failure to bot.catch and answers 200, as polling does (was a 500)", async () => {
    const r = await post(JSON.stringify(textUpdate('hi', { updateId: 13 })));
    expect(r.status).toBe(200);
    expect(caught).toEqual(['handler bug']);
  });

  it('refuses a missing or wrong secret with 401 before reading anything, and handles nothing', async () => {
    const wrong: Array<Record<string, string>> = [
      {},
      { 'x-telegram-bot-api-secret-token': 'wh-secret_2' },
      { 'x-telegram-bot-api-secret-token': '' },
    ];
    for (const headers of wrong) {
      const r = await post(JSON.stringify(textUpdate('hi', { updateId: 12 })), headers);
      expect(r.status).toBe(401);
      expect(await r.text()).toContain('unauthorized');
    }
    expect(handled).not.toContain(12);
  });

  it('refuses what is not an update with 400 and a warning: not JSON, null, an array, no update_id', async () => {
    for (const body of ['{', '', 'null', '[]', '"text"', '{"message":{}}', '{"update_id":-1}', '{"update_id":"7"}']) {
      const mark = logs.lines.length;
      const r = await post(body);
      expect(r.status, body).toBe(400);
      const json = body === '{' || body === '';
      expect(await r.text(), body).toContain(json ? 'the update is not JSON' : 'not a Telegram update: ');
      expect(logs.lines.slice(mark), body).toMatchObject([
        {
          level: 40,
          msg: 'telegram update refused',
          status: 400,
          problem: json ? 'the update is not JSON' : expect.any(String),
        },
      ]);
    }
  });

  it('refuses another media type (415) and a body over 1 MB (413), with a warning', async () => {
    const mark = logs.lines.length;
    const r = await fetch(`${url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-telegram-bot-api-secret-token': SECRET },
      body: '{}',
    });
    expect(r.status).toBe(415);
    const big = await new Promise<number>((resolve) => {
      const req = request(`${url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', () => resolve(-1));
      req.end('x'.repeat(MAX_UPDATE_BYTES + 1));
    });
    expect(big).toBe(413);
    expect(logs.lines.slice(mark).map((l) => [l.level, l.status])).toEqual([
      [40, 415],
      [40, 413],
    ]);
  });
});

describe('sameSecret', () => {
  it('is true for the same string only', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'abc')).toBe(false);
  });
});
