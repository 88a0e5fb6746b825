// Legal escalation in Telegram: /lawyer or "Ask a lawyer" → the user sees exactly what would be
// shared and confirms (or adds a note, or cancels); replies to a lawyer's message go back to the
// ticket's Slack thread; a closed ticket asks for a rating.
import { InlineKeyboard, type Bot, type Context } from 'grammy';
import { ticketIdInLawyerHeader, ticketText } from '../../i18n/ticket-texts.js';
import type { Lang } from '../../domain/lang.js';
import type { Ticket } from '../../tickets/ticket-repo.js';
import type { TicketService } from '../../tickets/ticket-service.js';
import { conversationIdOf } from './telegram-answer.js';
import { escapeHtml } from './telegram-format.js';

export function registerEscalation(
  bot: Bot,
  tickets: TicketService | undefined,
  uiLang: (ctx: Context) => Promise<Lang>,
): void {
  const html = (ctx: Context, text: string, extra: Record<string, unknown> = {}) =>
    ctx.reply(text, { parse_mode: 'HTML', ...extra });
  const userId = (ctx: Context) => String(ctx.from?.id ?? '');

  const offer = async (ctx: Context) => {
    const lang = await uiLang(ctx);
    if (!tickets) return void (await html(ctx, escapeHtml(ticketText(lang, 'notConnected'))));
    const draft = await tickets.draft({
      channel: 'telegram',
      userId: userId(ctx),
      chatId: String(ctx.chat!.id),
      conversationId: conversationIdOf(ctx),
      lang,
    });
    await showPreview(ctx, draft.id);
  };
  const showPreview = async (ctx: Context, id: number) => {
    const t = (await tickets!.repo.get(id))!;
    const kb = new InlineKeyboard()
      .text(ticketText(t.lang, 'send'), `esc:y:${t.id}`)
      .row()
      .text(ticketText(t.lang, 'addNote'), `esc:n:${t.id}`)
      .text(ticketText(t.lang, 'cancel'), `esc:x:${t.id}`);
    await html(ctx, escapeHtml(tickets!.preview(t)), { reply_markup: kb });
  };

  bot.command('lawyer', offer);
  bot.callbackQuery(/^law:\d{1,15}$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await offer(ctx);
  });

  bot.callbackQuery(/^esc:([ynx]):(\d{1,15})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (!tickets) return;
    const id = Number(ctx.match[2]);
    const t = await tickets.repo.get(id);
    // Only the user who asked may confirm, and only a draft.
    if (!t || t.userId !== userId(ctx) || t.status !== 'draft') return;
    const actor = `telegram:${userId(ctx)}`;
    if (ctx.match[1] === 'y') {
      await tickets.confirm(id, actor);
      await html(ctx, escapeHtml(ticketText(t.lang, 'sent', { id })));
    } else if (ctx.match[1] === 'n') {
      await tickets.requestNote(id);
      await html(ctx, escapeHtml(ticketText(t.lang, 'askNote')));
    } else {
      await tickets.cancel(id, actor);
      await html(ctx, escapeHtml(ticketText(t.lang, 'cancelled')));
    }
  });

  bot.callbackQuery(/^rate:(\d{1,15}):([1-5])$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (!tickets) return;
    const ok = await tickets.rate(Number(ctx.match[1]), userId(ctx), Number(ctx.match[2]));
    if (ok) await html(ctx, escapeHtml(ticketText(await uiLang(ctx), 'rated')));
  });

  // Before ordinary questions: a note the user was asked for, or a reply to a lawyer's message.
  bot.on('message:text', async (ctx, next) => {
    if (!tickets || ctx.msg.text.startsWith('/')) return next();
    const waiting = await tickets.repo.awaitingNote('telegram', userId(ctx));
    if (waiting) {
      await tickets.saveNote(waiting, ctx.msg.text);
      return showPreview(ctx, waiting.id);
    }
    const t = await repliedTicket(tickets, ctx);
    if (!t) return next();
    await tickets.userReply(t.id, userId(ctx), ctx.msg.text);
    await html(ctx, escapeHtml(ticketText(t.lang, 'relayed')));
  });
}

// The ticket whose lawyer's message this text replies to: by the recorded Telegram message id, or,
// when the reply came before that id was stored, by the ticket number in the replied message's first
// line — only a message the bot sent, for a ticket of this chat.
async function repliedTicket(tickets: TicketService, ctx: Context): Promise<Ticket | undefined> {
  const replied = ctx.msg?.reply_to_message;
  if (!replied || !ctx.chat) return undefined;
  const chatId = String(ctx.chat.id);
  const byId = await tickets.repo.byTelegramMessage(replied.message_id, chatId);
  if (byId || replied.from?.id !== ctx.me.id || !replied.text) return byId;
  const id = ticketIdInLawyerHeader(replied.text);
  const t = id === undefined ? undefined : await tickets.repo.get(id);
  return t?.chatId === chatId && t.channel === 'telegram' ? t : undefined;
}
