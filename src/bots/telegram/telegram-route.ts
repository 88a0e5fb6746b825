// Routes in Telegram, from /route <from> <to> [cargo] or a route question in chat: a first message of
// at most 900 characters — one line per option, place names in the user's language, each caveat once
// — with a "Details" button for the legs, documents and Incoterms, then the map as a photo.
import { InlineKeyboard, InputFile, type Bot, type Context } from 'grammy';
import type { Lang } from '../../domain/lang.js';
import { routeText } from '../../i18n/route-texts.js';
import { telegramText } from '../../i18n/telegram-texts.js';
import type { Constraints } from '../../tools/routes/planner.js';
import { PlaceNotFoundError, type RoutePlan } from '../../tools/routes/plan-routes.js';
import { renderPlan, renderPlanBrief, shortName } from '../../tools/routes/render-plan.js';
import { planAsAsked } from '../../tools/routes/plan-as-asked.js';
import { routeMapPng } from '../../tools/routes/route-map.js';
import { parseRouteArgs, type RouteService } from '../../tools/routes/route-service.js';
import { escapeHtml, splitHtml } from './telegram-format.js';

export const ROUTE_BRIEF_LIMIT = 900;

const CARGO = ['20ft', '40ft', 'lcl', 'reefer', 'dg'] as const;

/** One letter per mode in the details button's data. */
const MODE_LETTER = { rail: 'r', sea: 's', air: 'a', road: 'd' } as const;
type ModeName = keyof typeof MODE_LETTER;

/**
 * Callback data for the details of one plan: "rd:<from>:<to>:<cargo>[:<modes>[:<via>[:<kg>]]]", within
 * Telegram's 64 bytes. The modes, the waypoint and the weight travel too: the details of "а по морю?" or of
 * 200 kg by air were the plan of every mode for a 40ft container.
 */
export function detailsData(plan: RoutePlan, c: Constraints): string {
  const cargo = c.reefer ? 'reefer' : c.dangerousGoods ? 'dg' : (c.container ?? '40ft');
  const modes = (c.modes ?? []).map((m) => MODE_LETTER[m as ModeName] ?? '').join('');
  const kg = c.weightT !== undefined ? String(Math.round(c.weightT * 1000)) : '';
  const parts = [`rd:${plan.from.id}`, plan.to.id, cargo, modes, plan.via?.id ?? c.via ?? '', kg];
  // Trailing empty fields are left off; what does not fit is dropped from the end (the weight, then the via).
  while (parts.length > 3 && (parts.at(-1) === '' || parts.join(':').length > 64)) parts.pop();
  return parts.join(':');
}

function constraintsOf(cargo: string, modes = '', via = '', kg = ''): Constraints {
  const base: Constraints =
    cargo === 'reefer'
      ? { reefer: true }
      : cargo === 'dg'
        ? { dangerousGoods: true }
        : CARGO.includes(cargo as never)
          ? { container: cargo as '20ft' | '40ft' | 'lcl' }
          : {};
  const asked = (Object.keys(MODE_LETTER) as ModeName[]).filter((m) => modes.includes(MODE_LETTER[m]));
  return {
    ...base,
    ...(asked.length ? { modes: asked } : {}),
    ...(via ? { via } : {}),
    ...(kg && Number(kg) > 0 ? { weightT: Number(kg) / 1000 } : {}),
  };
}

/** Sends a plan: the brief with its Details button, then the map. */
export async function sendRoutePlan(
  ctx: Context,
  plan: RoutePlan,
  c: Constraints,
  lang: Lang,
  more?: InlineKeyboard,
  /** What the plan is not (plan-as-asked.ts), said before it. */
  note = '',
): Promise<void> {
  let keyboard = plan.options.length
    ? new InlineKeyboard().text(routeText(lang, 'details'), detailsData(plan, c))
    : undefined;
  // A chat answer keeps its own buttons (feedback, lawyer, sources) under the details button.
  if (more) keyboard = keyboard ? keyboard.row().append(more) : more;
  await ctx.reply(escapeHtml(note + renderPlanBrief(plan, lang, ROUTE_BRIEF_LIMIT - note.length)), {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(keyboard ? { reply_markup: keyboard } : {}),
  });
  if (plan.options.length)
    await ctx.replyWithPhoto(new InputFile(routeMapPng(plan, lang), 'route.png'), {
      caption: `${shortName(plan.from.names[lang])} → ${shortName(plan.to.names[lang])}`,
    });
}

export function registerRoute(
  bot: Bot,
  routes: RouteService | undefined,
  uiLang: (ctx: Context) => Promise<Lang>,
): void {
  const html = (ctx: Context, text: string) =>
    ctx.reply(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
  bot.command('route', async (ctx) => {
    const lang = await uiLang(ctx);
    if (!routes) return void (await html(ctx, escapeHtml(telegramText(lang, 'toolSoon'))));
    const args = parseRouteArgs(routes.network, ctx.match);
    if (!args) return void (await html(ctx, escapeHtml(routeText(lang, 'usage'))));
    await ctx.replyWithChatAction('typing');
    try {
      const { plan } = await routes.plan(args.from, args.to, args.constraints);
      await sendRoutePlan(ctx, plan, args.constraints, lang);
    } catch (err) {
      if (!(err instanceof PlaceNotFoundError)) throw err;
      await html(ctx, escapeHtml(`${routeText(lang, 'unknownPlace')}: ${err.message}`));
    }
  });
  bot.callbackQuery(
    /^rd:([a-z0-9-]{1,40}):([a-z0-9-]{1,40}):([a-z0-9]{1,8})(?::([rsad]{0,4})(?::([a-z0-9-]{0,40})(?::(\d{0,6}))?)?)?$/,
    async (ctx) => {
      const lang = await uiLang(ctx);
      await ctx.answerCallbackQuery();
      if (!routes) return;
      try {
        const constraints = constraintsOf(ctx.match[3]!, ctx.match[4] ?? '', ctx.match[5] ?? '', ctx.match[6] ?? '');
        // As the brief was planned (plan-as-asked.ts): a mode with no route of its own shows the other ways.
        const { plan } = await planAsAsked(routes, ctx.match[1]!, ctx.match[2]!, constraints);
        for (const part of splitHtml(escapeHtml(renderPlan(plan, lang)))) await html(ctx, part);
      } catch (err) {
        if (!(err instanceof PlaceNotFoundError)) throw err;
        await html(ctx, escapeHtml(`${routeText(lang, 'unknownPlace')}: ${err.message}`));
      }
    },
  );
}
