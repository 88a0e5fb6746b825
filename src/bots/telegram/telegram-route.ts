// /route <from> <to> [cargo] in Telegram: the options as text and the map as a photo.
import { InputFile, type Bot, type Context } from 'grammy';
import { routeText } from '../../i18n/route-texts.js';
import { telegramText } from '../../i18n/telegram-texts.js';
import type { Lang } from '../../domain/lang.js';
import { PlaceNotFoundError } from '../../tools/routes/plan-routes.js';
import { renderPlan } from '../../tools/routes/render-plan.js';
import { routeMapPng } from '../../tools/routes/route-map.js';
import { parseRouteArgs, type RouteService } from '../../tools/routes/route-service.js';
import { escapeHtml, splitHtml } from './telegram-format.js';

export function registerRoute(
  bot: Bot,
  routes: RouteService | undefined,
  uiLang: (ctx: Context) => Promise<Lang>,
): void {
  bot.command('route', async (ctx) => {
    const lang = await uiLang(ctx);
    const html = (text: string) => ctx.reply(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    if (!routes) return void (await html(escapeHtml(telegramText(lang, 'toolSoon'))));
    const args = parseRouteArgs(routes.network, ctx.match);
    if (!args) return void (await html(escapeHtml(routeText(lang, 'usage'))));
    await ctx.replyWithChatAction('typing');
    try {
      const { plan } = await routes.plan(args.from, args.to, args.constraints);
      for (const part of splitHtml(escapeHtml(renderPlan(plan, lang)))) await html(part);
      if (plan.options.length)
        await ctx.replyWithPhoto(new InputFile(routeMapPng(plan), 'route.png'), {
          caption: `${plan.from.name} → ${plan.to.name}`,
        });
    } catch (err) {
      if (!(err instanceof PlaceNotFoundError)) throw err;
      await html(escapeHtml(`${routeText(lang, 'unknownPlace')}: ${err.message}`));
    }
  });
}
