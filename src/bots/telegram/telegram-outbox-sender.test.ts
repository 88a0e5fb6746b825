import { createServer, type AddressInfo } from 'node:net';
import { Api, HttpError } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../observability/logger.js';
import { RetryLaterError, type OutboxRow } from '../../store/outbox.js';
import { startFakeTelegram, type FakeTelegram } from '../../../test/support/fake-telegram.js';
import { telegramApiPolicies } from './telegram-api-policies.js';
import { renderTicketNotice, telegramSender } from './telegram-outbox-sender.js';

describe('renderTicketNotice', () => {
  it('renders each notice as Telegram HTML in the exporter’s language', () => {
    expect(renderTicketNotice({ kind: 'claimed', ticketId: 5, lang: 'en' })).toEqual({
      text: 'A lawyer has taken your ticket #5.',
    });
    expect(
      renderTicketNotice({
        kind: 'lawyer-reply',
        ticketId: 5,
        lang: 'en',
        firm: 'A & B',
        text: 'Send <b>it</b>',
        translated: true,
      }),
    ).toEqual({
      text: "<b>⚖️ The lawyer's answer on ticket #5 (A &amp; B):</b>\n\nSend &lt;b&gt;it&lt;/b&gt;\n\n<i>(machine-translated; the lawyer has the original)</i>",
    });
    expect(
      renderTicketNotice({ kind: 'lawyer-reply', ticketId: 5, lang: 'ru', firm: 'F', text: 't', translated: false })
        .text,
    ).toContain('<i>(как написал юрист, без перевода)</i>');
  });

  it('asks for a 1–5 rating after a close only when told to', () => {
    const asked = renderTicketNotice({ kind: 'closed', ticketId: 5, lang: 'en', askRating: true });
    expect(asked.text).toBe('Ticket #5 is closed. Please rate the lawyer&#39;s help:'.replace('&#39;', "'"));
    expect(asked.replyMarkup).toEqual({
      inline_keyboard: [[1, 2, 3, 4, 5].map((n) => ({ text: '⭐'.repeat(n), callback_data: `rate:5:${n}` }))],
    });
    expect(
      renderTicketNotice({ kind: 'closed', ticketId: 5, lang: 'en', askRating: false }).replyMarkup,
    ).toBeUndefined();
  });
});

describe('telegramSender', () => {
  let tg: FakeTelegram;
  let send: ReturnType<typeof telegramSender>;
  beforeAll(async () => {
    tg = await startFakeTelegram();
    // As the outbox uses it: auto-retry for short 429s, long ones handed back.
    send = telegramSender(telegramApiPolicies(new Api(tg.token, { apiRoot: tg.apiRoot }), createLogger('silent')));
  });
  afterAll(async () => {
    await tg?.close();
  });
  beforeEach(() => {
    tg.calls.length = 0;
    tg.failWith = undefined;
  });
  const row = (payload: Record<string, unknown>): OutboxRow => ({
    id: 1,
    kind: 'telegram.send',
    key: 'k',
    attempts: 1,
    payload,
  });

  it('sends a rendered notice as HTML without link previews, and returns the message id', async () => {
    const r = await send(row({ chatId: '601', notice: { kind: 'closed', ticketId: 5, lang: 'en', askRating: true } }));
    expect(r).toEqual({ messageId: tg.calls[0]!.result!.message_id });
    expect(tg.calls[0]).toMatchObject({
      method: 'sendMessage',
      payload: {
        chat_id: '601',
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: { inline_keyboard: [expect.arrayContaining([{ text: '⭐', callback_data: 'rate:5:1' }])] },
      },
    });
  });

  it('sends a row that already carries text as it is, with its keyboard if any', async () => {
    await send(
      row({
        chatId: '7',
        text: '<b>ready</b>',
        replyMarkup: { inline_keyboard: [[{ text: 'x', callback_data: 'y' }]] },
      }),
    );
    await send(row({ chatId: '7' }));
    expect(tg.calls.map((c) => [c.payload.text, c.payload.reply_markup])).toEqual([
      ['<b>ready</b>', { inline_keyboard: [[{ text: 'x', callback_data: 'y' }]] }],
      ['', undefined],
    ]);
  });

  it("hands a long 429 back as 'retry after' its delay, and passes other failures on", async () => {
    tg.failWith = 429;
    const err = await send(row({ chatId: '7', text: 'x' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryLaterError);
    expect((err as RetryLaterError).afterMs).toBe(60_000);
    expect((err as Error).message).toBe('Telegram rate limit: retry after 60 s');
    tg.failWith = 502;
    const other = await send(row({ chatId: '7', text: 'x' })).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(Error);
    expect(other).not.toBeInstanceOf(RetryLaterError);
  });

  it('passes a network failure on as grammY reported it (the worker retries it with backoff)', async () => {
    // A port nothing listens on (connection refused): grammY's HttpError, which carries no parameters.
    const closed = createServer();
    const port = await new Promise<number>((r) =>
      closed.listen(0, '127.0.0.1', () => r((closed.address() as AddressInfo).port)),
    );
    await new Promise((r) => closed.close(r));
    const down = telegramSender(new Api('1:x', { apiRoot: `http://127.0.0.1:${port}` }));
    const err = await down(row({ chatId: '7', text: 'x' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
  });
});
