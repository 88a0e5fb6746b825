// The regulation watch end to end with the real program and a fake Bot API: exporters subscribe
// with /watch's inline keyboards, a section of the Russian Честный ЗНАК document changes and the
// program ingests on restart; the Russia + marking subscribers get exactly one digest naming the
// section, each in their language; the Kazakhstan-only subscriber gets nothing; an ingest with no
// change sends nothing. Then durability: SIGKILL half-way through a fan-out to 40 chats, restart,
// and every chat has exactly one digest.
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../src/store/open-db.js';
import { sigkill } from './support/escalation-flow.js';
import { callbackUpdate, textUpdate, type FakeTelegram } from './support/fake-telegram.js';
import { changeChestnyZnak, CHANGED_SECTION, digestsTo, settle, watchSetup } from './support/watch-flow.js';

const RU_MARKING = 701;
const KZ_ONLY = 702;
const EN_MARKING = 703;

/** A chat taps through the picker: each step waits for the bot's answer to it. */
async function subscribe(tg: FakeTelegram, user: number, picks: string[], saved: RegExp) {
  const mine = (method: string) => (c: { method: string; payload: Record<string, any> }) =>
    c.method === method && String(c.payload.chat_id) === String(user);
  tg.push(textUpdate('/watch', { userId: user }));
  const picker = await tg.waitFor(
    (c) => mine('sendMessage')(c) && JSON.stringify(c.payload.reply_markup ?? {}).includes('wt:m:RU'),
  );
  expect(picker.payload.reply_markup.inline_keyboard.flat().some((b: any) => b.callback_data === 'wd')).toBe(true);
  for (const data of picks) {
    const before =
      tg.calls.filter(mine('editMessageReplyMarkup')).length + tg.calls.filter(mine('editMessageText')).length;
    tg.push(callbackUpdate(data, { userId: user }));
    for (let i = 0; i < 200; i++) {
      const now =
        tg.calls.filter(mine('editMessageReplyMarkup')).length + tg.calls.filter(mine('editMessageText')).length;
      if (now > before) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  tg.push(callbackUpdate('wd', { userId: user }));
  await tg.waitFor((c) => mine('editMessageText')(c) && saved.test(String(c.payload.text)));
}

describe('regulation watch end to end', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('alerts the Russia + marking subscribers once, in their language, and nobody else', async () => {
    const { tg, knowledge, data, start } = await watchSetup(cleanups);
    let program = await start();

    await subscribe(tg, RU_MARKING, ['wt:m:RU', 'wp:r', 'wt:r:marking'], /Подписка сохранена/);
    await subscribe(tg, KZ_ONLY, ['wt:m:KZ'], /Подписка сохранена/);
    tg.push(callbackUpdate('lang:en', { userId: EN_MARKING }));
    await tg.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === EN_MARKING);
    await subscribe(tg, EN_MARKING, ['wt:m:RU', 'wt:r:marking'], /Subscription saved/);
    // The ticked items are in the saved list, in the chat's language.
    const savedRu = tg.calls.find(
      (c) => c.method === 'editMessageText' && c.payload.chat_id === RU_MARKING && /сохранена/.test(c.payload.text),
    )!;
    expect(savedRu.payload.text).toContain('Россия');
    expect(savedRu.payload.text).toContain('Маркировка');
    expect(await program.stop()).toBe(0);

    changeChestnyZnak(knowledge.path);
    program = await start();
    await tg.waitFor((c) => digestsTo(tg, RU_MARKING).length > 0 && digestsTo(tg, EN_MARKING).length > 0, 30_000);
    await settle();

    const [ru, ...moreRu] = digestsTo(tg, RU_MARKING);
    expect(moreRu).toEqual([]);
    const ruText = String(ru!.payload.text);
    expect(ruText).toContain('Изменились правила');
    expect(ruText).toContain('Россия: обязательная маркировка «Честный ЗНАК»');
    expect(ruText).toContain(`«${CHANGED_SECTION}»`);
    expect(ruText).toContain('0,60 руб.');
    expect(ruText).toContain('по состоянию на 2026-12-01');
    expect(ru!.payload.reply_markup.inline_keyboard.flat().map((b: any) => b.callback_data)).toEqual(['wu']);

    // The English subscriber: the English title through the translation links, told the change is in
    // the Russian version.
    const [en, ...moreEn] = digestsTo(tg, EN_MARKING);
    expect(moreEn).toEqual([]);
    expect(String(en!.payload.text)).toContain('Rules you watch have changed');
    expect(String(en!.payload.text)).toContain('Russia: Честный ЗНАК mandatory marking');
    expect(String(en!.payload.text)).toContain('changed in the Russian version');

    expect(digestsTo(tg, KZ_ONLY)).toEqual([]);
    expect(await program.stop()).toBe(0);

    // Nothing changed: nothing sent.
    const sentBefore = tg.calls.filter((c) => c.method === 'sendMessage').length;
    program = await start();
    await settle();
    expect(tg.calls.filter((c) => c.method === 'sendMessage').length).toBe(sentBefore);

    // The digest's button unsubscribes; /forget would too (it deletes by user).
    tg.push(callbackUpdate('wu', { userId: RU_MARKING }));
    await tg.waitFor((c) => c.method === 'sendMessage' && /отписались/.test(String(c.payload.text)));
    expect(await program.stop()).toBe(0);

    const db = await openDb({ databaseUrl: undefined, dataDir: data.path });
    try {
      const subs = await db.query<{ subscriber: string }>('SELECT subscriber FROM watch_subscriptions ORDER BY 1');
      expect(subs.rows.map((r) => r.subscriber)).toEqual([String(KZ_ONLY), String(EN_MARKING)]);
      const log = await db.query<{ action: string; doc_id: string }>(
        "SELECT action, doc_id FROM document_changes WHERE action <> 'added'",
      );
      expect(log.rows).toEqual([{ action: 'changed', doc_id: 'country-russia-chestny-znak-ru' }]);
    } finally {
      await db.close();
    }
  }, 240_000);

  it('sends every subscriber exactly one digest when killed half-way through the fan-out', async () => {
    const { tg, knowledge, data, start } = await watchSetup(cleanups);
    // The first start ingests the copy (nobody is alerted about a whole knowledge base).
    let program = await start();
    await program.stop();
    const chats = Array.from({ length: 40 }, (_, i) => 9000 + i);
    const db = await openDb({ databaseUrl: undefined, dataDir: data.path });
    try {
      for (const chat of chats)
        await db.query(
          `INSERT INTO watch_subscriptions (channel, subscriber, user_id, lang, markets, products)
           VALUES ('telegram', $1, $1, 'ru', '{RU}', '{marking}')`,
          [String(chat)],
        );
    } finally {
      await db.close();
    }

    changeChestnyZnak(knowledge.path);
    // Telegram delivers 15 digests, then holds the 16th request: the program is killed waiting.
    tg.holdSendsAfter = 15;
    program = await start();
    await tg.waitFor((c) => c.method === 'sendMessage' && !c.result, 30_000);
    const delivered = new Set(chats.filter((c) => digestsTo(tg, c).length));
    expect(delivered.size).toBe(15);
    // Several digests are in flight at once; the ones Telegram answered are marked sent within
    // moments. (One answered in the very instant of the kill would be sent again: the Bot API has
    // no way to look a message up — decision 020.)
    await settle(2000);
    await sigkill(program);
    tg.holdSendsAfter = undefined;

    program = await start();
    for (let i = 0; i < 600 && chats.some((c) => digestsTo(tg, c).length === 0); i++)
      await new Promise((r) => setTimeout(r, 100));
    await settle();
    const counts = chats.map((c) => digestsTo(tg, c).length);
    expect(counts).toEqual(chats.map(() => 1));
    expect(await program.stop()).toBe(0);
  }, 240_000);
});
