// /watch through bot.handleUpdate against a fake Bot API: tick, save, list, remove one item, a stale
// remove button, and /forget deleting the subscription with the rest of the user's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WatchRepo } from '../src/store/watch-repo.js';
import { startHarness, type Harness } from './support/assistant-harness.js';
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from './support/fake-telegram.js';
import { testBot } from './support/test-bot.js';

const USER = 31;

describe('telegram /watch', () => {
  let h: Harness;
  let api: FakeTelegram;
  let repo: WatchRepo;
  beforeAll(async () => {
    h = await startHarness();
    api = await startFakeTelegram();
    repo = new WatchRepo(h.db);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await h?.close();
  });
  const bot = () => testBot(h, api, { watch: repo });
  const last = (method: string) => api.calls.filter((c) => c.method === method).at(-1)!;
  const buttons = (c: { payload: Record<string, any> }) =>
    (c.payload.reply_markup?.inline_keyboard ?? []).flat() as Array<{ text: string; callback_data: string }>;

  it('ticks, saves, lists, removes one item and forgets', async () => {
    const b = bot();
    await b.handleUpdate(textUpdate('/watch', { userId: USER }) as never);
    const picker = last('sendMessage');
    expect(picker.payload.text).toContain('Отслеживание норм');
    expect(buttons(picker).map((x) => x.callback_data)).toEqual(
      expect.arrayContaining(['wt:m:RU', 'wt:m:KZ', 'wp:r', 'wp:h', 'wp:t', 'wd']),
    );

    for (const data of ['wt:m:RU', 'wt:m:KZ', 'wp:t', 'wt:t:customs'])
      await b.handleUpdate(callbackUpdate(data, { userId: USER }) as never);
    // The topics page shows the tick from the database.
    expect(buttons(last('editMessageReplyMarkup')).find((x) => x.callback_data === 'wt:t:customs')!.text).toMatch(
      /^✅/,
    );
    await b.handleUpdate(callbackUpdate('wd', { userId: USER }) as never);
    expect(last('editMessageText').payload.text).toContain(
      'Рынки: Россия, Казахстан. Товары и темы: Таможня и пошлины.',
    );

    await b.handleUpdate(textUpdate('/watch', { userId: USER }) as never);
    const list = last('sendMessage');
    expect(list.payload.text).toContain('Вы отслеживаете');
    expect(buttons(list).map((x) => x.callback_data)).toEqual(['wr:RU', 'wr:KZ', 'wr:customs', 'wp:m', 'wx']);

    await b.handleUpdate(callbackUpdate('wr:KZ', { userId: USER }) as never);
    expect(last('editMessageText').payload.text).not.toContain('Казахстан');
    await b.handleUpdate(callbackUpdate('wr:KZ', { userId: USER }) as never); // a stale button
    expect((await repo.get('telegram', String(USER)))!.markets).toEqual(['RU']);

    await b.handleUpdate(textUpdate('/forget', { userId: USER }) as never);
    await b.handleUpdate(callbackUpdate('fg:y', { userId: USER }) as never);
    expect(await repo.get('telegram', String(USER))).toBeUndefined();
  }, 60_000);

  it('unsubscribes from the digest button', async () => {
    const b = bot();
    await b.handleUpdate(callbackUpdate('wt:m:RU', { userId: 32 }) as never);
    expect(await repo.get('telegram', '32')).toBeDefined();
    await b.handleUpdate(callbackUpdate('wu', { userId: 32 }) as never);
    expect(await repo.get('telegram', '32')).toBeUndefined();
    expect(last('sendMessage').payload.text).toContain('Вы отписались');
  }, 60_000);
});
