// `advisor route --from Qingdao --to Almaty [--via Khorgos] [--cargo 40ft|20ft|lcl|reefer|dg] [--lang] [--json] [--png FILE]`.
// Needs only the route network file: no database, no knowledge. A place it does not know is
// answered with the nearest known names, written in the script the user typed it in.
import { writeFileSync } from 'node:fs';
import { detectLang } from '../i18n/detect-lang.js';
import { cliText } from '../i18n/cli-texts.js';
import { PlaceNotFoundError } from '../tools/routes/plan-routes.js';
import { renderPlan } from '../tools/routes/render-plan.js';
import { suggestPlaces } from '../tools/routes/resolve-place.js';
import { parseRouteArgs, RouteService } from '../tools/routes/route-service.js';
import { existsSync } from 'node:fs';
import { parseLangOption, type Command } from './command-context.js';
import { UsageError } from './usage-error.js';

export const routeCommand: Command = async (ctx) => {
  const from = ctx.options.from ?? ctx.args[0];
  const to = ctx.options.to ?? ctx.args[ctx.options.from === undefined ? 1 : 0];
  const chosen = parseLangOption(ctx.options.lang, ctx.lang, 'route');
  if (!from || !to) throw new UsageError(cliText(chosen ?? ctx.lang).routeNeedsPlaces, 'route');
  const lang = chosen ?? detectLang(`${from} ${to}`)?.lang ?? ctx.lang;
  const r = ctx.config.routes;
  if (!existsSync(r.networkFile)) throw new Error(cliText(lang).routeOff);
  const routes = new RouteService({ networkFile: r.networkFile, httpUrl: r.httpUrl, httpApiKey: r.httpApiKey });
  const parsed = parseRouteArgs(routes.network, `${from} → ${to} ${ctx.options.cargo ?? ''}`);
  try {
    const constraints = { ...parsed?.constraints, ...(ctx.options.via ? { via: ctx.options.via } : {}) };
    const { plan, external } = await routes.plan(parsed?.from ?? from, parsed?.to ?? to, constraints);
    if (ctx.options.png && plan.options.length) {
      const { routeMapPng } = await import('../tools/routes/route-map.js');
      writeFileSync(ctx.options.png, routeMapPng(plan, lang));
    }
    ctx.print(ctx.options.json ? { ...plan, external } : renderPlan(plan, lang));
    return plan.options.length ? 0 : 1;
  } catch (err) {
    if (!(err instanceof PlaceNotFoundError)) throw err;
    const place = err.message;
    // Suggestions in the script of the name typed, whatever language the rest is in.
    const script = detectLang(place)?.lang ?? lang;
    const near = suggestPlaces(routes.network, place).map((n) => n.names[script]);
    const w = cliText(lang);
    ctx.print(
      ctx.options.json
        ? { error: 'unknown-place', place, suggestions: near }
        : [w.placeUnknown(place), ...(near.length ? [w.placeSuggestions(near)] : [])].join('\n'),
    );
    return 1;
  }
};
