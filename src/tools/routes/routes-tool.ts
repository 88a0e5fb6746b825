// The assistant's route tool: figures come from the network data with their years, never from the model.
import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { MODES } from './network-schema.js';
import { PlaceNotFoundError } from './plan-routes.js';
import type { Constraints } from './planner.js';
import { renderPlan, renderPlanSummary } from './render-plan.js';
import { crossingName, routeText } from '../../i18n/route-texts.js';
import type { RouteService } from './route-service.js';
import { SEA_PASSAGES, SEA_PASSAGE_LABEL } from '../../domain/sea-passages.js';

/** The tool's input; channels that draw the map of a tool call parse the recorded input with it too. */
export const routeToolInput = z.object({
  from: z.string().min(2).max(100),
  to: z.string().min(2).max(100),
  /** A place every route must pass ("via Khorgos"). */
  via: z.string().min(2).max(100).optional(),
  container: z.enum(['20ft', '40ft', 'lcl']).optional(),
  reefer: z.boolean().optional(),
  dangerous_goods: z.boolean().optional(),
  weight_t: z.number().positive().max(100).optional(),
  modes: z.array(z.enum(MODES)).optional(),
  exclude_modes: z.array(z.enum(MODES)).optional(),
  avoid_countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  max_transfers: z.number().int().min(0).max(6).optional(),
  /** The way a sea route goes ("via Suez"): only the options that go that way. */
  sea_passage: z.enum(SEA_PASSAGES).optional(),
});

export type RouteToolInput = z.infer<typeof routeToolInput>;

export function routeConstraints(i: RouteToolInput): Constraints {
  return {
    ...(i.container ? { container: i.container } : {}),
    ...(i.reefer ? { reefer: true } : {}),
    ...(i.dangerous_goods ? { dangerousGoods: true } : {}),
    ...(i.weight_t ? { weightT: i.weight_t } : {}),
    ...(i.modes ? { modes: i.modes } : {}),
    ...(i.exclude_modes ? { excludeModes: i.exclude_modes } : {}),
    ...(i.avoid_countries ? { avoidCountries: i.avoid_countries } : {}),
    ...(i.max_transfers !== undefined ? { maxTransfers: i.max_transfers } : {}),
    ...(i.via ? { via: i.via } : {}),
  };
}

export function routesTool(routes: RouteService) {
  return defineTool({
    name: 'plan_route',
    description:
      'Plan freight routes between two places (Chinese, Russian or English names) over sea, rail, road and air: the fastest, cheapest, ' +
      'lowest-emission and balanced options with transit days, cost and CO2 as ranges with their years, border crossings, documents and Incoterms. ' +
      'Report the figures exactly as returned, with their years; they are typical ranges, not quotes.',
    input: routeToolInput,
    sideEffect: false,
    async run(i, ctx) {
      try {
        let { plan } = await routes.plan(i.from, i.to, routeConstraints(i));
        // "what about by truck?" where the network has no road route: said so, with the other ways,
        // rather than "no route" (or the rail answer repeated as if it were by truck).
        let note = '';
        if (plan.options.length === 0 && i.modes?.length) {
          const { modes, ...anyMode } = i;
          const other = (await routes.plan(i.from, i.to, routeConstraints(anyMode))).plan;
          if (other.options.length > 0) {
            // "морем через Владивосток" is sea, then rail: a route with a leg by the mode asked is no surprise.
            const usesMode = other.options.some((o) => o.legs.some((l) => modes.includes(l.mode)));
            const named = modes.map((m) => routeText(ctx.lang, m)).join(' / ');
            if (!usesMode) note = `${routeText(ctx.lang, 'noRouteByMode').replace('{mode}', named)}\n`;
            // …and those are the options shown: "а по морю?" after Qingdao–Moscow by rail was answered with
            // rail, air and sea again.
            plan = usesMode
              ? { ...other, options: other.options.filter((o) => o.legs.some((l) => modes.includes(l.mode))) }
              : other;
          }
        }
        // "морем через Суэц": the options that go that way, or a word that none in our data does.
        if (i.sea_passage && plan.options.length > 0) {
          const label = SEA_PASSAGE_LABEL[i.sea_passage];
          const going = plan.options.filter((o) => o.legs.some((l) => l.crossing === label));
          if (going.length > 0) plan = { ...plan, options: going };
          else note += `${routeText(ctx.lang, 'noRouteVia').replace('{via}', crossingName(label, ctx.lang))}\n`;
        }
        // "train or truck to Almaty?" where only rail is in the network: the missing way is named, not
        // silently left out (trial 10).
        const missing = note
          ? []
          : (i.modes ?? []).filter((m) => !plan.options.some((o) => o.legs.some((l) => l.mode === m)));
        if (plan.options.length > 0 && missing.length > 0)
          note = `${routeText(ctx.lang, 'noRouteForMode').replace('{mode}', missing.map((m) => routeText(ctx.lang, m)).join(' / '))}\n`;
        return {
          routes: plan.options.length,
          summary: note + renderPlanSummary(plan, ctx.lang),
          // The note leads the summary; the plan follows it in the same reply, so it is said once.
          plan: renderPlan(plan, ctx.lang),
        };
      } catch (err) {
        if (err instanceof PlaceNotFoundError) return { error: `unknown place: ${err.message}` };
        throw err;
      }
    },
  });
}
