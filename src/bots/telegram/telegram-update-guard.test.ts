import { Bot } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../observability/logger.js';
import { BOT_USER, callbackUpdate, photoUpdate, textUpdate } from '../../../test/support/fake-telegram.js';
import { logRecorder } from '../../../test/support/start-app.js';
import { dropMalformedUpdates, malformedUpdate, notAnUpdate } from './telegram-update-guard.js';

const text = textUpdate('/start', { updateId: 5, replyToMessageId: 3, threadId: 9 });
const msg = text.message as Record<string, unknown>;
const withMessage = (m: Record<string, unknown>) => ({ update_id: 5, message: { ...msg, ...m } });

describe('notAnUpdate', () => {
  it('accepts an object with a whole non-negative update_id, and says why anything else is not one', () => {
    expect(notAnUpdate({ update_id: 0 })).toBeUndefined();
    expect(notAnUpdate(text)).toBeUndefined();
    for (const v of [null, undefined, 5, 'x', [], [{ update_id: 1 }]]) expect(notAnUpdate(v)).toBe('not a JSON object');
    for (const v of [{}, { update_id: -1 }, { update_id: 1.5 }, { update_id: '1' }, { update_id: null }])
      expect(notAnUpdate(v), JSON.stringify(v)).toBe('no numeric update_id');
  });
});

describe('malformedUpdate', () => {
  it('accepts the updates Telegram sends', () => {
    for (const u of [text, callbackUpdate('lang:ru'), photoUpdate('cap'), { update_id: 1, my_chat_member: {} }])
      expect(malformedUpdate(u), JSON.stringify(u)).toBeUndefined();
    expect(
      malformedUpdate({ update_id: 1, edited_message: msg, channel_post: msg, edited_channel_post: msg }),
    ).toBeUndefined();
  });

  it('names the field that has the wrong shape', () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /not a JSON object/],
      [{ update_id: 1, message: { message_id: 1, date: 0, text: 'hi' } }, /^message\.chat: /],
      [withMessage({ text: 42 }), /^message\.text: /],
      [withMessage({ caption: {} }), /^message\.caption: /],
      [withMessage({ chat: { id: '5', type: 'private' } }), /^message\.chat\.id: /],
      [withMessage({ chat: { id: 5 } }), /^message\.chat\.type: /],
      [withMessage({ from: { id: null } }), /^message\.from\.id: /],
      [withMessage({ from: { id: 1, language_code: 7 } }), /^message\.from\.language_code: /],
      [withMessage({ message_id: 'x' }), /^message\.message_id: /],
      [withMessage({ entities: [{ type: 'bot_command', offset: -1, length: 6 }] }), /^message\.entities\.0\.offset: /],
      [
        withMessage({ caption_entities: [{ type: 'x', offset: 0, length: 1.5 }] }),
        /^message\.caption_entities\.0\.length: /,
      ],
      [withMessage({ entities: 'x' }), /^message\.entities: /],
      [withMessage({ message_thread_id: 'x' }), /^message\.message_thread_id: /],
      [withMessage({ reply_to_message: { message_id: 'x' } }), /^message\.reply_to_message\.message_id: /],
      [{ update_id: 1, message: null }, /^message: /],
      [{ update_id: 1, callback_query: { id: 'c', from: { id: 1 }, data: 'fg:n' } }, /^callback_query\.message: /],
      [{ update_id: 1, edited_message: 5 }, /^edited_message: /],
      [{ update_id: 1, channel_post: [] }, /^channel_post: /],
      [{ update_id: 1, edited_channel_post: 'x' }, /^edited_channel_post: /],
      [{ update_id: 1, callback_query: { id: 'c', data: 'x' } }, /^callback_query\.from: /],
      [{ update_id: 1, callback_query: { id: 5, from: { id: 1 } } }, /^callback_query\.id: /],
      [{ update_id: 1, callback_query: { id: 'c', from: { id: 1 }, data: 5 } }, /^callback_query\.data: /],
      [
        { update_id: 1, callback_query: { id: 'c', from: { id: 1 }, message: { message_id: 1 } } },
        /^callback_query\.message\.chat: /,
      ],
    ];
    for (const [u, problem] of cases) expect(malformedUpdate(u), JSON.stringify(u)).toMatch(problem);
  });

  it('lists every problem, separated', () => {
    expect(malformedUpdate(withMessage({ text: 1, caption: 2 }))).toMatch(/^message\.text: .+; message\.caption: /);
  });
});

describe('dropMalformedUpdates', () => {
  async function through(update: unknown) {
    const logs = logRecorder();
    const bot = new Bot('1:x', { botInfo: BOT_USER, client: { apiRoot: 'http://127.0.0.1:9' } });
    const seen: number[] = [];
    bot.use(dropMalformedUpdates(createLogger('warn', logs.stream)));
    bot.use((ctx) => void seen.push(ctx.update.update_id));
    await bot.handleUpdate(update as never);
    return { seen, logs: logs.lines };
  }

  it('passes a good update on, silently', async () => {
    expect(await through(text)).toEqual({ seen: [5], logs: [] });
  });

  it('stops a malformed update with a warning naming it and its problem', async () => {
    const r = await through(withMessage({ text: 42 }));
    expect(r.seen).toEqual([]);
    expect(r.logs).toMatchObject([
      { level: 40, msg: 'telegram update dropped', updateId: 5, problem: expect.stringMatching(/^message\.text/) },
    ]);
  });

  it('checks the chat and sender grammY finds in updates of any kind', async () => {
    const member = {
      chat: { id: 'x', type: 'group' },
      from: { id: 1 },
      date: 0,
      old_chat_member: {},
      new_chat_member: {},
    };
    const r = await through({ update_id: 8, my_chat_member: member });
    expect(r.seen).toEqual([]);
    expect(r.logs).toMatchObject([{ problem: 'chat: malformed' }]);
    const sender = await through({
      update_id: 9,
      my_chat_member: { ...member, chat: { id: 1, type: 'group' }, from: { id: 'u' } },
    });
    expect(sender.logs).toMatchObject([{ problem: 'from: malformed' }]);
    const fine = await through({ update_id: 10, my_chat_member: { ...member, chat: { id: 1, type: 'group' } } });
    expect(fine).toEqual({ seen: [10], logs: [] });
  });

  it('passes on an update that has no chat or sender at all (a poll), silently', async () => {
    const poll = {
      id: 'p1',
      question: 'Rail or sea?',
      options: [{ text: 'rail', voter_count: 1 }],
      total_voter_count: 1,
      is_closed: false,
      is_anonymous: true,
      type: 'regular',
      allows_multiple_answers: false,
    };
    expect(await through({ update_id: 11, poll })).toEqual({ seen: [11], logs: [] });
  });
});
