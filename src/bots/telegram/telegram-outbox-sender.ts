// Outbox rows for Telegram: a ticket notice is rendered here, in the exporter's language, as
// Telegram HTML (with the rating keyboard after a close); a row that already carries text is sent
// as it is.
import { GrammyError, type Api } from 'grammy';
import { ticketText } from '../../i18n/ticket-texts.js';
import { RetryLaterError, type Sender } from '../../store/outbox.js';
import type { TicketNotice } from '../../tickets/ticket-notices.js';
import { escapeHtml } from './telegram-format.js';
import type { WatchDigest } from '../../domain/watch.js';
import { renderWatchDigest } from './telegram-watch-digest.js';

export interface TelegramMessage {
  text: string;
  replyMarkup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
}

export function renderTicketNotice(notice: TicketNotice): TelegramMessage {
  const { lang, ticketId: id } = notice;
  switch (notice.kind) {
    case 'claimed':
      return { text: escapeHtml(ticketText(lang, 'claimed', { id })) };
    case 'lawyer-reply': {
      const label = ticketText(lang, notice.translated ? 'translated' : 'asWritten');
      const head = `<b>${escapeHtml(ticketText(lang, 'fromLawyer', { id, firm: notice.firm }))}</b>`;
      return { text: `${head}\n\n${escapeHtml(notice.text)}\n\n<i>${escapeHtml(label)}</i>` };
    }
    case 'closed': {
      const stars = [1, 2, 3, 4, 5].map((n) => ({ text: '⭐'.repeat(n), callback_data: `rate:${id}:${n}` }));
      return {
        text: escapeHtml(ticketText(lang, 'closed', { id })),
        ...(notice.askRating ? { replyMarkup: { inline_keyboard: [stars] } } : {}),
      };
    }
  }
}

export function telegramSender(api: Api): Sender {
  return async (row) => {
    const payload = row.payload as {
      chatId: string;
      notice?: TicketNotice;
      watch?: WatchDigest;
      text?: string;
      replyMarkup?: TelegramMessage['replyMarkup'];
    };
    const message: TelegramMessage = payload.notice
      ? renderTicketNotice(payload.notice)
      : payload.watch
        ? renderWatchDigest(payload.watch)
        : { text: payload.text ?? '', ...(payload.replyMarkup ? { replyMarkup: payload.replyMarkup } : {}) };
    try {
      const sent = await api.sendMessage(payload.chatId, message.text, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(message.replyMarkup ? { reply_markup: message.replyMarkup } : {}),
      });
      return { messageId: sent.message_id };
    } catch (err) {
      // A 429 auto-retry gave up on (its delay is longer than it waits): come back after that delay.
      const wait = err instanceof GrammyError && err.error_code === 429 ? err.parameters.retry_after : undefined;
      if (wait !== undefined) throw new RetryLaterError(`Telegram rate limit: retry after ${wait} s`, wait * 1000);
      throw err;
    }
  };
}
