// GET /api/route-map.png?input={…}: the map picture of a route answer. The page passes the
// plan_route call's recorded input; the same schema and constraints as the tool plan the same
// routes again (a plan takes milliseconds), so no picture needs storing; planAsAsked, as the tool, so a
// follow-up by a mode the network has no route by draws the routes the answer shows instead.
import type { RequestContext } from '../../http-kit/http-server.js';
import { HttpError, langFromHeaders } from '../../http-kit/http-server.js';
import { t } from '../../i18n/messages.js';
import { LANGS, type Lang } from '../../domain/lang.js';
import { PlaceNotFoundError } from '../../tools/routes/plan-routes.js';
import { planAsAsked } from '../../tools/routes/plan-as-asked.js';
import { routeMapPng } from '../../tools/routes/route-map.js';
import type { RouteService } from '../../tools/routes/route-service.js';
import { routeConstraints, routeToolInput } from '../../tools/routes/routes-tool.js';

export function routeMapRoute(routes: RouteService | undefined) {
  return async ({ req, res, url }: RequestContext): Promise<void> => {
    // The answer's language (the page passes it): a Russian answer's map names the places in Russian.
    const asked = url.searchParams.get('lang');
    const lang = LANGS.includes(asked as Lang) ? (asked as Lang) : langFromHeaders(req);
    const raw = url.searchParams.get('input') ?? '';
    let data: unknown;
    try {
      data = raw.length <= 2000 ? JSON.parse(raw) : undefined;
    } catch {
      data = undefined;
    }
    const input = routeToolInput.safeParse(data);
    if (!input.success) throw new HttpError(400, t(lang, 'badRequest'));
    if (!routes) throw new HttpError(404, 'route planning is not configured');
    try {
      const { plan } = await planAsAsked(
        routes,
        input.data.from,
        input.data.to,
        routeConstraints(input.data),
        input.data.sea_passage,
      );
      if (plan.options.length === 0) throw new HttpError(404, 'no route between these places');
      const png = routeMapPng(plan, lang);
      res.writeHead(200, {
        'content-type': 'image/png',
        'content-length': String(png.length),
        // The network file changes with a release at most; an hour of reuse is safe.
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
      res.end(png);
    } catch (err) {
      if (err instanceof PlaceNotFoundError) throw new HttpError(404, `unknown place: ${err.message}`);
      throw err;
    }
  };
}
