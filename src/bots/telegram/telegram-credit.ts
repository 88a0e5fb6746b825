// /credit <company> [country] in Telegram: one match → the report; several → inline buttons to choose.
import { InlineKeyboard, type Bot, type Context } from 'grammy';
import { ct, noCompanyText } from '../../i18n/credit-texts.js';
import { telegramText } from '../../i18n/telegram-texts.js';
import type { Lang } from '../../domain/lang.js';
import type { CreditService } from '../../tools/credit/credit-service.js';
import { renderReport } from '../../tools/credit/render-report.js';
import { parseCreditArgs } from '../../tools/credit/parse-credit-args.js';
import { escapeHtml, splitHtml } from './telegram-format.js';

export function registerCredit(
  bot: Bot,
  credit: CreditService | undefined,
  uiLang: (ctx: Context) => Promise<Lang>,
): void {
  const html = (ctx: Context, text: string, extra: Record<string, unknown> = {}) =>
    ctx.reply(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...extra });
  const sendReport = async (ctx: Context, lookupId: number, index: number, lang: Lang) => {
    const report = await credit!.report(lookupId, index);
    if (!report) return void (await html(ctx, escapeHtml(telegramText(lang, 'expired'))));
    for (const part of splitHtml(escapeHtml(renderReport(report, lang)))) await html(ctx, part);
  };

  bot.command('credit', async (ctx) => {
    const lang = await uiLang(ctx);
    if (!credit) return void (await html(ctx, escapeHtml(telegramText(lang, 'toolSoon'))));
    const { name, country } = parseCreditArgs(ctx.match);
    if (name.length < 2) return void (await html(ctx, escapeHtml(ct(lang, 'usage'))));
    await ctx.replyWithChatAction('typing');
    const found = await credit.search(name, country, `telegram:${ctx.from?.id ?? ''}`);
    if (found.candidates.length === 0) {
      const text = credit.allDown(found)
        ? ct(lang, 'allDown')
        : noCompanyText(lang, credit.finders, country !== undefined, name);
      return void (await html(ctx, escapeHtml(text)));
    }
    if (found.candidates.length === 1) return sendReport(ctx, found.lookupId, 0, lang);
    const kb = new InlineKeyboard();
    found.candidates.forEach((c, i) =>
      kb.text(`${c.name}${c.country ? ` (${c.country})` : ''}`.slice(0, 60), `cr:${found.lookupId}:${i}`).row(),
    );
    await html(ctx, escapeHtml(ct(lang, 'choose')), { reply_markup: kb });
  });

  bot.callbackQuery(/^cr:(\d{1,15}):(\d)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (credit) await sendReport(ctx, Number(ctx.match[1]), Number(ctx.match[2]), await uiLang(ctx));
  });
}
