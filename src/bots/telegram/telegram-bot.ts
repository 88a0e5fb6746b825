// The Telegram bot (grammY): commands, free text, callbacks. A thin adapter: every answer comes
// from the assistant core; this file only speaks Telegram. One error boundary (bot.catch).
import { Bot, InlineKeyboard, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { sequentialize } from '@grammyjs/runner';
import type { Assistant } from '../../assistant/assistant.js';
import { telegramText } from '../../i18n/telegram-texts.js';
import type { Logger } from '../../observability/logger.js';
import { scrubSecrets } from '../../observability/logger.js';
import { LANGS, type Lang } from '../../domain/lang.js';
import type { AnswerRepo, UpdateLedger } from '../../store/answer-repo.js';
import type { ConversationRepo } from '../../store/conversation-repo.js';
import { RateLimiter } from '../rate-limiter.js';
import { answerQuestion } from './telegram-answer.js';
import { escapeHtml, sourcesHtml, splitHtml } from './telegram-format.js';
import { telegramApiPolicies } from './telegram-api-policies.js';
import { registerEscalation } from './telegram-escalation.js';
import { registerCredit } from './telegram-credit.js';
import { registerRoute } from './telegram-route.js';
import { dropMalformedUpdates } from './telegram-update-guard.js';
import { oncePerUpdate } from './telegram-dedupe.js';
import type { RouteService } from '../../tools/routes/route-service.js';
import type { CreditService } from '../../tools/credit/credit-service.js';
import type { TicketService } from '../../tickets/ticket-service.js';
import type { WatchRepo } from '../../store/watch-repo.js';
import { registerWatch } from './telegram-watch.js';

export interface TelegramDeps {
  token: string;
  apiRoot: string;
  assistant: Assistant;
  answers: AnswerRepo;
  conversations: ConversationRepo;
  ledger: UpdateLedger;
  log: Logger;
  editIntervalMs?: number;
  /** Show "typing…" only when the answer takes longer than this (default 300 ms). */
  typingDelayMs?: number;
  rateLimit?: { perMinute: number; burst: number };
  /** Skips getMe (tests through handleUpdate). */
  botInfo?: UserFromGetMe;
  credit?: CreditService;
  routes?: RouteService | undefined;
  /** Legal escalation; absent → /lawyer says it is not connected. */
  tickets?: TicketService;
  /** Regulation watch subscriptions; absent → /watch answers nothing. */
  watch?: WatchRepo;
}

const COMMANDS = new Set(['start', 'help', 'lang', 'ask', 'credit', 'route', 'lawyer', 'privacy', 'forget', 'watch']);

export function createTelegramBot(deps: TelegramDeps): Bot {
  const bot = new Bot(deps.token, {
    client: { apiRoot: deps.apiRoot },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  telegramApiPolicies(bot.api, deps.log);
  const limiter = new RateLimiter(deps.rateLimit ?? { perMinute: 10, burst: 5 });
  const answerDeps = {
    assistant: deps.assistant,
    routes: deps.routes,
    editIntervalMs: deps.editIntervalMs ?? 1000,
    typingDelayMs: deps.typingDelayMs ?? 300,
  };
  const userId = (ctx: Context) => String(ctx.from?.id ?? '');
  // The chosen language is read with the update's claim (one statement) and kept for the update.
  const chosenLang = new WeakMap<Context, Lang | undefined>();
  const prefLang = async (ctx: Context) => {
    if (chosenLang.has(ctx)) return chosenLang.get(ctx);
    return ctx.from ? await deps.answers.getLang('telegram', userId(ctx)) : undefined;
  };
  // For our own messages: the chosen language, else the Telegram client's, else English.
  const clientLang = (ctx: Context): Lang => {
    const code = ctx.from?.language_code?.slice(0, 2);
    return (LANGS as readonly string[]).includes(code ?? '') ? (code as Lang) : 'en';
  };
  const uiLang = async (ctx: Context): Promise<Lang> => (await prefLang(ctx)) ?? clientLang(ctx);
  const html = (ctx: Context, text: string, extra: Record<string, unknown> = {}) =>
    ctx.reply(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...extra });

  // Before anything reads a field: an update with the wrong shapes is dropped with a warning.
  bot.use(dropMalformedUpdates(deps.log));
  // Updates of one chat in order, chats in parallel (the runner is concurrent).
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  // A redelivered update (webhook retry, a second replica) is recognised by its id and dropped.
  bot.use(oncePerUpdate(deps.ledger, (ctx, lang) => chosenLang.set(ctx, lang)));

  const ask = async (ctx: Context, text: string) => {
    // The chosen language wins; else the question's own language decides. Read once per turn.
    const chosen = await prefLang(ctx);
    if (!limiter.take(userId(ctx)))
      return void (await html(ctx, escapeHtml(telegramText(chosen ?? clientLang(ctx), 'rateLimited'))));
    await answerQuestion(ctx, answerDeps, text, chosen, chosen ?? clientLang(ctx));
  };
  const langKeyboard = () =>
    new InlineKeyboard().text('中文', 'lang:zh').text('Русский', 'lang:ru').text('English', 'lang:en');

  bot.command('start', async (ctx) =>
    html(ctx, escapeHtml(telegramText(await uiLang(ctx), 'greeting')), { reply_markup: langKeyboard() }),
  );
  bot.command('lang', async (ctx) =>
    html(
      ctx,
      escapeHtml(
        telegramText(await uiLang(ctx), 'greeting')
          .split('\n\n')
          .pop()!,
      ),
      { reply_markup: langKeyboard() },
    ),
  );
  bot.command('help', async (ctx) => html(ctx, escapeHtml(telegramText(await uiLang(ctx), 'help'))));
  bot.command('privacy', async (ctx) => html(ctx, escapeHtml(telegramText(await uiLang(ctx), 'privacy'))));
  bot.command('ask', async (ctx) => {
    const q = ctx.match.trim();
    if (!q) return void (await html(ctx, escapeHtml(telegramText(await uiLang(ctx), 'askUsage'))));
    await ask(ctx, q);
  });
  registerCredit(bot, deps.credit, uiLang);
  registerRoute(bot, deps.routes, uiLang);
  registerEscalation(bot, deps.tickets, uiLang);
  registerWatch(bot, deps.watch, uiLang);
  bot.command('forget', async (ctx) => {
    const lang = await uiLang(ctx);
    await html(ctx, escapeHtml(telegramText(lang, 'forgetConfirm')), {
      reply_markup: new InlineKeyboard().text(telegramText(lang, 'yes'), 'fg:y').text(telegramText(lang, 'no'), 'fg:n'),
    });
  });

  bot.callbackQuery(/^lang:(zh|ru|en)$/, async (ctx) => {
    const lang = ctx.match[1] as Lang;
    await deps.answers.setLang('telegram', userId(ctx), lang);
    chosenLang.set(ctx, lang);
    await ctx.answerCallbackQuery();
    await html(ctx, escapeHtml(telegramText(lang, 'langSet')));
  });
  // An answer's buttons work in the chat it was given in: an id from another chat is "expired".
  const answerHere = async (ctx: Context, id: number) => {
    const answer = await deps.answers.get(id);
    const chat = `telegram:${ctx.chat?.id}`;
    return answer && (answer.conversationId === chat || answer.conversationId?.startsWith(`${chat}:`))
      ? answer
      : undefined;
  };
  bot.callbackQuery(/^fb:([ud]):(\d{1,15})$/, async (ctx) => {
    const lang = await uiLang(ctx);
    const answer = await answerHere(ctx, Number(ctx.match[2]));
    if (!answer) return void (await ctx.answerCallbackQuery({ text: telegramText(lang, 'expired') }));
    // Written before Telegram is told it was received.
    await deps.answers.feedback(answer.id, 'telegram', userId(ctx), ctx.match[1] === 'u' ? 1 : -1);
    await ctx.answerCallbackQuery({ text: telegramText(lang, 'thanks') });
  });
  bot.callbackQuery(/^src:(\d{1,15})$/, async (ctx) => {
    const answer = await answerHere(ctx, Number(ctx.match[1]));
    const lang = answer?.lang ?? (await uiLang(ctx));
    await ctx.answerCallbackQuery(answer ? {} : { text: telegramText(lang, 'expired') });
    if (answer && answer.citations.length)
      for (const part of splitHtml(sourcesHtml(answer.citations, lang, true))) await html(ctx, part);
  });
  bot.callbackQuery(/^fg:([yn])$/, async (ctx) => {
    const lang = await uiLang(ctx);
    await ctx.answerCallbackQuery();
    if (ctx.match[1] === 'n') return void (await html(ctx, escapeHtml(telegramText(lang, 'forgetCancelled'))));
    await deps.conversations.forgetUser(userId(ctx));
    await deps.answers.forgetUser('telegram', userId(ctx));
    await deps.watch?.forgetUser('telegram', userId(ctx));
    await html(ctx, escapeHtml(telegramText(lang, 'forgetDone')));
  });
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery());

  bot.on('message:text', async (ctx) => {
    const text = ctx.msg.text;
    if (text.startsWith('/')) {
      const name = /^\/([A-Za-z0-9_]+)/.exec(text)?.[1]?.toLowerCase();
      if (ctx.chat.type === 'private' || text.includes(`@${ctx.me.username}`)) {
        if (!name || !COMMANDS.has(name))
          await html(ctx, escapeHtml(telegramText(await uiLang(ctx), 'unknownCommand')));
      }
      return;
    }
    if (ctx.chat.type !== 'private' && !addressedToBot(ctx)) return;
    const question = text.replace(new RegExp(`@${ctx.me.username}\\b`, 'g'), ' ').trim();
    await ask(ctx, question);
  });
  bot.on('message:caption', async (ctx) => {
    if (ctx.chat.type !== 'private' && !addressedToBot(ctx)) return;
    await ask(ctx, ctx.msg.caption);
  });
  bot.on('message', async (ctx) => {
    if (ctx.chat.type === 'private' || addressedToBot(ctx))
      await html(ctx, escapeHtml(telegramText(await uiLang(ctx), 'notText')));
  });

  bot.catch(async (err) => {
    const e = err.error as Error;
    deps.log.error(
      { updateId: err.ctx.update.update_id, error: scrubSecrets(`${e?.name ?? 'Error'}: ${e?.message ?? String(e)}`) },
      'telegram update failed',
    );
    try {
      if (err.ctx.chat) await err.ctx.reply(telegramText(await uiLang(err.ctx).catch(() => 'en' as const), 'error'));
    } catch {
      // The chat may be unreachable; the log has the details.
    }
  });
  return bot;
}

function addressedToBot(ctx: Context): boolean {
  const msg = ctx.msg;
  if (!msg) return false;
  if (msg.reply_to_message?.from?.id === ctx.me.id) return true;
  const text = msg.text ?? msg.caption ?? '';
  const entities = msg.entities ?? msg.caption_entities ?? [];
  return entities.some(
    (e) =>
      e.type === 'mention' &&
      text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${ctx.me.username.toLowerCase()}`,
  );
}
