// One question → one answer in Telegram: typing indicator, the streamed text shown by editing a
// message at most once per interval, then the final HTML with sources and the feedback keyboard.
import { InlineKeyboard, type Context } from 'grammy';
import type { Assistant } from '../../assistant/assistant.js';
import type { AskResult } from '../../domain/answer.js';
import { telegramText } from '../../i18n/telegram-texts.js';
import type { Lang } from '../../domain/lang.js';
import { routeConstraints, routeToolInput } from '../../tools/routes/routes-tool.js';
import type { RouteService } from '../../tools/routes/route-service.js';
import { answerToHtml, escapeHtml, sourcesHtml, splitHtml, TELEGRAM_LIMIT } from './telegram-format.js';
import { sendRoutePlan } from './telegram-route.js';
import { planAsAsked, planNote } from '../../tools/routes/plan-as-asked.js';

export interface AnswerDeps {
  assistant: Assistant;
  /** To show a route answer as /route does (brief, details button, map). */
  routes?: RouteService | undefined;
  editIntervalMs: number;
  typingDelayMs: number;
}

const NO_PREVIEW = { link_preview_options: { is_disabled: true } } as const;

export function answerKeyboard(answerId: number, lang: Lang): InlineKeyboard {
  // Callback data: "fb:u:<id>" etc. — at most ~25 bytes, well under Telegram's 64.
  return new InlineKeyboard()
    .text('👍', `fb:u:${answerId}`)
    .text('👎', `fb:d:${answerId}`)
    .row()
    .text(telegramText(lang, 'askLawyer'), `law:${answerId}`)
    .text(telegramText(lang, 'sources'), `src:${answerId}`);
}

export function conversationIdOf(ctx: Context): string {
  const chat = ctx.chat!;
  if (chat.type === 'private') return `telegram:${chat.id}`;
  return `telegram:${chat.id}:${ctx.msg?.message_thread_id ?? 0}`;
}

/**
 * The reply: a model's answer as it wrote it; without a model, the direct answer first with the
 * numbered sources under it (the passages themselves are one tap away, behind "Sources"), or — when
 * the knowledge base does not cover the question — the note and the nearest passages.
 */
export function renderAnswer(result: AskResult): string {
  // A tool's answer is shown whole: its sources, when it has any, are those of the question asked beside it.
  if (result.mode === 'retrieval-only' && result.lead && result.citations.length && result.toolCalls.length === 0) {
    const notices = result.notices.map((n) => `<i>${escapeHtml(n)}</i>`);
    return [...notices, answerToHtml(result.lead.text), sourcesHtml(result.citations, result.lang)]
      .filter(Boolean)
      .join('\n\n');
  }
  const notices = result.mode === 'llm' ? result.notices.map((n) => `<i>${escapeHtml(n)}</i>`) : [];
  return [answerToHtml(result.answer), ...notices, sourcesHtml(result.citations, result.lang)]
    .filter(Boolean)
    .join('\n\n');
}

export async function answerQuestion(
  ctx: Context,
  deps: AnswerDeps,
  question: string,
  lang: Lang | undefined,
  fallbackLang: Lang,
): Promise<void> {
  const chatId = ctx.chat!.id;
  const replyTo =
    ctx.chat!.type === 'private'
      ? {}
      : { reply_parameters: { message_id: ctx.msg!.message_id, allow_sending_without_reply: true } };
  const thread = ctx.msg?.message_thread_id ? { message_thread_id: ctx.msg.message_thread_id } : {};
  // "typing…" only when the answer is not there within typingDelayMs: a fast answer (retrieval-only,
  // a quick model) needs no indicator and saves a Bot API call. Telegram shows it ~5 s, so it is
  // renewed until the first message goes out; that message waits for a request still in flight, so
  // the indicator never lands after the answer.
  let typingSent: Promise<unknown> = Promise.resolve();
  const typing = () => void (typingSent = ctx.api.sendChatAction(chatId, 'typing', thread).catch(() => undefined));
  let typingTimer: NodeJS.Timeout = setTimeout(() => {
    typing();
    typingTimer = setInterval(typing, 4500);
  }, deps.typingDelayMs);
  const stopTyping = async () => {
    clearTimeout(typingTimer);
    await typingSent;
  };
  let placeholder: number | undefined;
  let shown = '';
  let lastEdit = 0;
  let streamed = '';
  const turnStarted = Date.now();
  try {
    const turn = {
      text: question,
      channel: 'telegram' as const,
      conversationId: conversationIdOf(ctx),
      userId: String(ctx.from?.id ?? ''),
      lang,
      fallbackLang,
    };
    for await (const ev of deps.assistant.handleTurn(turn)) {
      if (ev.type === 'error') {
        await stopTyping();
        await ctx.reply(escapeHtml(ev.message), { parse_mode: 'HTML', ...replyTo, ...thread });
        return;
      }
      if (ev.type === 'text') {
        streamed += ev.delta;
        const now = Date.now();
        // Telegram allows about one edit per second per chat. The first piece goes out once the turn
        // has run for one interval: an answer ready sooner arrives as one message, without a flash
        // of partial text and two extra Bot API calls.
        if (placeholder === undefined) {
          if (now - turnStarted < deps.editIntervalMs) continue;
          await stopTyping();
          const m = await ctx.reply(`${escapeHtml(streamed)} …`, {
            parse_mode: 'HTML',
            ...replyTo,
            ...thread,
            ...NO_PREVIEW,
          });
          placeholder = m.message_id;
          shown = streamed;
          lastEdit = now;
        } else if (
          now - lastEdit >= deps.editIntervalMs &&
          streamed !== shown &&
          streamed.length < TELEGRAM_LIMIT - 10
        ) {
          lastEdit = now;
          shown = streamed;
          await ctx.api
            .editMessageText(chatId, placeholder, `${escapeHtml(streamed)} …`, { parse_mode: 'HTML', ...NO_PREVIEW })
            .catch(() => undefined);
        }
      }
      if (ev.type === 'done') {
        await stopTyping();
        const answerId = ev.result.answerId!; // stored by the assistant: every Telegram turn has a conversation
        // One plan per crossing a question weighs ("走满洲里还是二连浩特？"), each with its details button; the
        // answer's own buttons under the last.
        const routes =
          ev.result.mode === 'retrieval-only' && deps.routes && placeholder === undefined
            ? ev.result.toolCalls.filter((c) => c.name === 'plan_route' && !c.error)
            : [];
        const plans = [];
        for (const route of routes) {
          const input = routeToolInput.safeParse(route.input);
          if (!input.success) continue;
          const constraints = routeConstraints(input.data);
          // As the tool planned it (plan-as-asked.ts): "а по морю?" is the sea route that ends by rail, and
          // "а автотранспортом?" where no road route is known says so over the other ways.
          const asked = await planAsAsked(
            deps.routes!,
            input.data.from,
            input.data.to,
            constraints,
            input.data.sea_passage,
          ).catch(() => undefined);
          if (asked) plans.push({ plan: asked.plan, constraints, note: planNote(asked, ev.result.lang) });
        }
        if (plans.length > 0) {
          for (const [i, { plan, constraints, note }] of plans.entries())
            await sendRoutePlan(
              ctx,
              plan,
              constraints,
              ev.result.lang,
              i === plans.length - 1 ? answerKeyboard(answerId, ev.result.lang) : undefined,
              note,
            );
          // The other question the message asked beside the trip, answered from the knowledge base.
          if (ev.result.aside)
            for (const part of splitHtml(
              [answerToHtml(ev.result.aside), sourcesHtml(ev.result.citations, ev.result.lang)].join('\n\n'),
            ))
              await ctx.reply(part, { parse_mode: 'HTML', ...NO_PREVIEW, ...thread });
          return;
        }
        const parts = splitHtml(renderAnswer(ev.result));
        const keyboard = answerKeyboard(answerId, ev.result.lang);
        for (const [i, part] of parts.entries()) {
          const markup = i === parts.length - 1 ? { reply_markup: keyboard } : {};
          if (i === 0 && placeholder !== undefined) {
            await ctx.api.editMessageText(chatId, placeholder, part, { parse_mode: 'HTML', ...NO_PREVIEW, ...markup });
          } else {
            await ctx.reply(part, {
              parse_mode: 'HTML',
              ...NO_PREVIEW,
              ...(i === 0 ? replyTo : {}),
              ...thread,
              ...markup,
            });
          }
        }
      }
    }
  } finally {
    clearTimeout(typingTimer);
  }
}
