// The real program (`advisor serve`) against a fake Bot API server: long polling and webhook mode.
// /start → language → a Russian question → a Russian answer with sources and the keyboard → 👎
// stored in the database (read after a graceful shutdown, since PGlite has one owner at a time).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../src/store/open-db.js';
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from './support/fake-telegram.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { startProgram } from './support/program.js';

describe('telegram end to end', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(extraEnv: (api: FakeTelegram) => Record<string, string>) {
    const api = await startFakeTelegram();
    const knowledge = await makeKnowledgeDir({ binaries: false });
    const data = tempDir('tg-e2e');
    cleanups.push(
      () => api.close(),
      () => knowledge.remove(),
      () => data.remove(),
    );
    const program = await startProgram({
      KNOWLEDGE_DIR: knowledge.path,
      DATA_DIR: data.path,
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      ...extraEnv(api),
    });
    cleanups.push(async () => {
      if (program.child.exitCode === null) await program.stop();
    });
    return { api, program, data };
  }

  async function conversation(api: FakeTelegram, deliver: (u: unknown) => Promise<void>) {
    await deliver(textUpdate('/start', { userId: 501, languageCode: 'en' }));
    const greeting = await api.waitFor(
      (c) => c.method === 'sendMessage' && String(c.payload.text).startsWith('Hello!'),
    );
    expect(JSON.stringify(greeting.payload.reply_markup)).toContain('lang:ru');
    await deliver(callbackUpdate('lang:ru', { userId: 501 }));
    await api.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('отвечаю по-русски'));
    await deliver(textUpdate('На каких переходах меняют колею?', { userId: 501 }));
    const answer = await api.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('Источники'));
    expect(answer.payload.text).toContain('Смена ширины колеи на границе');
    expect(answer.payload.text).toContain('на 2024-12-31');
    const down = (answer.payload.reply_markup.inline_keyboard as Array<Array<{ callback_data: string }>>)
      .flat()
      .find((b) => b.callback_data.startsWith('fb:d:'))!;
    await deliver(callbackUpdate(down.callback_data, { userId: 501 }));
    await api.waitFor((c) => c.method === 'answerCallbackQuery' && c.payload.text === 'Спасибо за оценку!');
    return Number(down.callback_data.split(':')[2]);
  }

  async function feedbackStored(dataDir: string, answerId: number) {
    const db = await openDb({ databaseUrl: undefined, dataDir });
    try {
      const r = await db.query<{ rating: number }>('SELECT rating FROM feedback WHERE answer_id = $1', [answerId]);
      return r.rows.map((x) => x.rating);
    } finally {
      await db.close();
    }
  }

  it('long polling: the whole exchange, then a graceful stop', async () => {
    const { api, program, data } = await setup(() => ({}));
    await api.waitFor((c) => c.method === 'setMyCommands' && c.payload.language_code === 'zh');
    const answerId = await conversation(api, async (u) => api.push(u as Record<string, unknown>));
    expect(await program.stop()).toBe(0);
    expect(program.output()).not.toContain(api.token.split(':')[1]!);
    expect(await feedbackStored(join(data.path), answerId)).toEqual([-1]);
  }, 120_000);

  it('webhook: secret checked, duplicates answered once, the whole exchange', async () => {
    const secret = 'wh-secret_123';
    const { api, program, data } = await setup(() => ({
      TELEGRAM_WEBHOOK_URL: 'https://advisor.example.org/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: secret,
    }));
    const setWebhook = await api.waitFor((c) => c.method === 'setWebhook');
    expect(setWebhook.payload).toMatchObject({
      url: 'https://advisor.example.org/telegram/webhook',
      secret_token: secret,
    });
    const post = (u: unknown, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': secret }) =>
      fetch(`${program.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(u),
      });

    const noSecret = await post(textUpdate('/help', { userId: 502 }), {});
    expect(noSecret.status).toBe(401);
    const wrong = await post(textUpdate('/help', { userId: 502 }), { 'x-telegram-bot-api-secret-token': 'nope' });
    expect(wrong.status).toBe(401);

    const dup = textUpdate('/privacy', { userId: 503 });
    expect((await post(dup)).status).toBe(200);
    expect((await post(dup)).status).toBe(200);
    await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 503);
    expect(api.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === 503)).toHaveLength(1);
    expect(api.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === 502)).toHaveLength(0);

    const answerId = await conversation(api, async (u) => {
      const r = await post(u);
      expect(r.status).toBe(200);
    });
    expect(await program.stop()).toBe(0);
    expect(await feedbackStored(data.path, answerId)).toEqual([-1]);
  }, 120_000);
});
