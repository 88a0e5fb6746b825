// `advisor route --from Qingdao --to Almaty [--cargo 40ft|20ft|lcl|reefer|dg] [--json] [--png FILE]`
import { writeFileSync } from 'node:fs';
import { detectLang } from '../i18n/detect-lang.js';
import { routeText } from '../i18n/route-texts.js';
import type { Lang } from '../domain/lang.js';
import { PlaceNotFoundError } from '../tools/routes/plan-routes.js';
import { renderPlan } from '../tools/routes/render-plan.js';
import { routeMapPng } from '../tools/routes/route-map.js';
import { parseRouteArgs, type RouteService } from '../tools/routes/route-service.js';

export async function routeCommand(
  routes: RouteService,
  o: {
    from: string;
    to: string;
    cargo?: string | undefined;
    json?: boolean | undefined;
    png?: string | undefined;
    lang?: Lang | undefined;
  },
  print: (v: unknown) => void,
): Promise<number> {
  const lang = o.lang ?? detectLang(`${o.from} ${o.to}`)?.lang ?? 'en';
  const parsed = parseRouteArgs(routes.network, `${o.from} → ${o.to} ${o.cargo ?? ''}`);
  try {
    const { plan, external } = await routes.plan(parsed?.from ?? o.from, parsed?.to ?? o.to, parsed?.constraints ?? {});
    if (o.png && plan.options.length) writeFileSync(o.png, routeMapPng(plan));
    print(o.json ? { ...plan, external } : renderPlan(plan, lang));
    return plan.options.length ? 0 : 1;
  } catch (err) {
    if (!(err instanceof PlaceNotFoundError)) throw err;
    print(`${routeText(lang, 'unknownPlace')}: ${err.message}`);
    return 2;
  }
}
