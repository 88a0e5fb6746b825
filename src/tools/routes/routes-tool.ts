// The assistant's route tool: figures come from the network data with their years, never from the model.
import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { MODES } from './network-schema.js';
import { PlaceNotFoundError } from './plan-routes.js';
import type { Constraints } from './planner.js';
import { renderPlan, renderPlanSummary } from './render-plan.js';
import type { RouteService } from './route-service.js';
import { SEA_PASSAGES } from '../../domain/sea-passages.js';
import { planAsAsked, planNote } from './plan-as-asked.js';

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
        const asked = await planAsAsked(routes, i.from, i.to, routeConstraints(i), i.sea_passage);
        const { plan } = asked;
        const note = plan.options.length > 0 ? planNote(asked, ctx.lang) : '';
        return {
          routes: plan.options.length,
          summary: note + renderPlanSummary(plan, ctx.lang),
          // The note leads the summary; the plan follows it in the same reply, so it is said once.
          plan: renderPlan(plan, ctx.lang),
          // The modes asked that no route takes, with the trip in the asker's language: the notes may know that way
          // (assistant.ts).
          ...(asked.noRouteByModes
            ? { noRouteByModes: asked.noRouteByModes, trip: [plan.from.names[ctx.lang], plan.to.names[ctx.lang]] }
            : {}),
        };
      } catch (err) {
        if (err instanceof PlaceNotFoundError) return { error: `unknown place: ${err.message}` };
        throw err;
      }
    },
  });
}
