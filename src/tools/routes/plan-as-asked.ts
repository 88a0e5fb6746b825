// The plan a route question gets, as the tool answers it and as its map draws it: the modes asked, or,
// where the network has no route by those alone, the routes with a leg by them ("а по морю?" to Moscow is
// sea to Vladivostok, then rail) or every route with a word that none goes by them; the options that go
// by a named sea passage. One function, so the map never draws another plan than the answer describes (a
// follow-up "а автотранспортом?" got a broken map: the picture was planned by road alone and found none).
import type { SeaPassage } from '../../domain/sea-passages.js';
import { SEA_PASSAGE_LABEL } from '../../domain/sea-passages.js';
import type { TransportMode } from '../../domain/transport-modes.js';
import type { RoutePlan } from './plan-routes.js';
import type { Constraints } from './planner.js';
import type { RouteService } from './route-service.js';
import type { Lang } from '../../domain/lang.js';
import { crossingName, routeText } from '../../i18n/route-texts.js';

export interface PlanAsAsked {
  plan: RoutePlan;
  /** The modes asked that no route travels by at all: the plan shows the other ways. */
  noRouteByModes?: TransportMode[];
  /** The sea passage asked that no option goes by. */
  noRouteVia?: string;
  /** Of several modes asked ("train or truck?"), those no option shown travels by. */
  missingModes?: TransportMode[];
  /** The place asked to go through, when the network goes there but not on from it to the destination: the plan shows
   * the trip as far as that place. */
  onlyToVia?: { via: Record<'en' | 'ru' | 'zh', string>; to: Record<'en' | 'ru' | 'zh', string> };
}

export async function planAsAsked(
  routes: RouteService,
  from: string,
  to: string,
  constraints: Constraints,
  seaPassage?: SeaPassage,
): Promise<PlanAsAsked> {
  let { plan } = await routes.plan(from, to, constraints);
  const out: Omit<PlanAsAsked, 'plan'> = {};
  const modes = constraints.modes;
  if (plan.options.length === 0 && modes?.length) {
    const { modes: _asked, ...anyMode } = constraints;
    const other = (await routes.plan(from, to, anyMode)).plan;
    if (other.options.length > 0) {
      const withMode = other.options.filter((o) => o.legs.some((l) => modes.includes(l.mode as TransportMode)));
      if (withMode.length > 0) plan = { ...other, options: withMode };
      else {
        plan = other;
        out.noRouteByModes = [...modes] as TransportMode[];
      }
    }
  }
  // "а морем через спб?" after rail to Moscow: the network has the sea to St Petersburg and nothing on from it to Moscow,
  // and "no route" hid the 35–60 days it has (trial 28 t28-03). The trip as far as that place is shown, and said to be so;
  // after the modes' own way round ("а морем через Владивосток?" is the sea, then rail from it).
  if (plan.options.length === 0 && constraints.via && plan.via) {
    const { via: _via, ...toVia } = constraints;
    const part = (await routes.plan(from, constraints.via, toVia)).plan;
    if (part.options.length > 0) {
      out.onlyToVia = { via: plan.via.names, to: plan.to.names };
      plan = part;
    }
  }
  if (seaPassage && plan.options.length > 0) {
    const label = SEA_PASSAGE_LABEL[seaPassage];
    const going = plan.options.filter((o) => o.legs.some((l) => l.crossing === label));
    if (going.length > 0) plan = { ...plan, options: going };
    else out.noRouteVia = label;
  }
  if (!out.noRouteByModes && !out.noRouteVia && modes?.length && plan.options.length > 0) {
    const missing = modes.filter((m) => !plan.options.some((o) => o.legs.some((l) => l.mode === m)));
    if (missing.length > 0) out.missingModes = missing as TransportMode[];
  }
  return { plan, ...out };
}

/** What the plan is not, said before it: no route by the mode asked (the other ways follow), none by the
 * sea passage asked, or one of the modes asked missing ("train or truck to Almaty?" where only rail is in
 * the network is not answered by rail alone in silence, trial 10). Empty when the plan is what was asked. */
export function planNote(
  { noRouteByModes, noRouteVia, missingModes, onlyToVia }: Omit<PlanAsAsked, 'plan'>,
  lang: Lang,
): string {
  const modes = (ms: readonly TransportMode[]) => ms.map((m) => routeText(lang, m)).join(' / ');
  const lines = [
    onlyToVia
      ? routeText(lang, 'onlyToVia').replaceAll('{via}', onlyToVia.via[lang]).replaceAll('{to}', onlyToVia.to[lang])
      : '',
    noRouteByModes ? routeText(lang, 'noRouteByMode').replace('{mode}', modes(noRouteByModes)) : '',
    noRouteVia ? routeText(lang, 'noRouteVia').replace('{via}', crossingName(noRouteVia, lang)) : '',
    missingModes ? routeText(lang, 'noRouteForMode').replace('{mode}', modes(missingModes)) : '',
  ];
  return lines
    .filter(Boolean)
    .map((l) => `${l}\n`)
    .join('');
}
