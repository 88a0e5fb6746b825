// The planner's answer: the Pareto-optimal routes, and among them the fastest, the cheapest, the
// lowest-emission and a balanced one (smallest sum of criteria each scaled to the best route).
import { MODES, type Network } from './network-schema.js';
import {
  allowed,
  edgeCriteria,
  edgesOf,
  paretoRoutes,
  passesVia,
  routeCost,
  type Constraints,
  type Edge,
  type PlannedRoute,
} from './planner.js';
import { resolvePlace } from './resolve-place.js';
import { greatCircleKm } from './place-positions.js';
import { summarize, type RouteSummary } from './route-summary.js';

export type Pick =
  'fastest' | 'cheapest' | 'greenest' | 'balanced' | 'direct' | 'best-rail' | 'best-sea' | 'best-road' | 'best-air';

export interface RoutePlan {
  from: { id: string; name: string; names: Record<'en' | 'ru' | 'zh', string> };
  to: { id: string; name: string; names: Record<'en' | 'ru' | 'zh', string> };
  /** The place every option passes, when one was asked for. */
  via?: { id: string; names: Record<'en' | 'ru' | 'zh', string> };
  constraints: Constraints;
  options: Array<RouteSummary & { picks: Pick[] }>;
  /** The names of every place the options pass, in the three languages, for rendering. */
  places: Record<string, Record<'en' | 'ru' | 'zh', string>>;
  /** Why a pick is absent (e.g. no route has a complete cost figure). */
  notes: Array<'noRoute' | 'noCheapest' | 'noGreenest' | 'samePlace'>;
}

export class PlaceNotFoundError extends Error {}

/** An estimate from separate legs that is shorter than the through service reported for the trip (read
 * off its 'composed' caveat; `undercuts` in planRoutes decides the same before the caveat is written). */
export function isUndercut(o: RouteSummary): boolean {
  return o.caveats.some((c) => c.code === 'composed' && o.days.min < c.min);
}

export function planRoutes(net: Network, fromText: string, toText: string, asked: Constraints = {}): RoutePlan {
  const from = resolvePlace(net, fromText);
  const to = resolvePlace(net, toText);
  if (!from) throw new PlaceNotFoundError(fromText);
  if (!to) throw new PlaceNotFoundError(toText);
  const viaNode = asked.via ? resolvePlace(net, asked.via) : undefined;
  if (asked.via && !viaNode) throw new PlaceNotFoundError(asked.via);
  const c: Constraints = viaNode ? { ...asked, via: viaNode.id } : asked;
  const via = viaNode ? { via: { id: viaNode.id, names: viaNode.names } } : {};
  // Two names of one place ("Vorsino", "Moskva"): there is nothing to plan, not a route of no legs.
  if (from.id === to.id)
    return {
      from: { id: from.id, name: from.names.en, names: from.names },
      to: { id: to.id, name: to.names.en, names: to.names },
      ...via,
      constraints: c,
      options: [],
      places: { [from.id]: from.names },
      notes: ['samePlace'],
    };
  const routes = paretoRoutes(net, from.id, to.id, c);
  const notes: RoutePlan['notes'] = [];
  const nodeCountry = new Map(net.nodes.map((n) => [n.id, n.country]));
  // What a through service on this trip is reported to take, whichever crossing it uses: the
  // yardstick for a time added up from legs, also when the trip was asked through a place.
  const edges = edgesOf(net);
  const reportedLegs = edges
    .filter((x) => x.from === from.id && x.to === to.id && allowed(x, c, nodeCountry))
    .sort((a, b) => a.leg.days.min - b.leg.days.min);
  // With no through service for the trip, one to a place the route passes is the yardstick when the legs
  // add up to less than it takes alone (Qingdao → Minsk by rail in 9–10 days, where the train to Moscow
  // alone is reported at 15–18).
  const partLegs = edges.filter((x) => x.from === from.id && x.to !== to.id && allowed(x, c, nodeCountry));
  const reportedFor = (r: PlannedRoute) => {
    if (r.edges.length < 2) return undefined;
    const mode = r.edges[0]!.leg.mode;
    const whole = reportedLegs.find((x) => x.leg.mode === mode);
    if (whole) return whole;
    const passed = new Set(r.edges.slice(1, -1).map((e) => e.to));
    return partLegs
      .filter((x) => x.leg.mode === mode && passed.has(x.to) && r.criteria.days < x.leg.days.min)
      .sort((a, b) => b.leg.days.min - a.leg.days.min)[0];
  };
  // Legs added up to less than any service is reported to take: no source says it is the fastest or
  // the best overall, so neither is it called.
  const undercuts = (r: PlannedRoute) => {
    const t = reportedFor(r);
    return t !== undefined && r.criteria.days < t.leg.days.min;
  };
  const trusted = routes.filter((r) => !undercuts(r));
  const best = (key: 'days' | 'cost' | 'co2', pool: readonly PlannedRoute[] = routes) => {
    const finite = pool.filter((r) => Number.isFinite(r.criteria[key]));
    if (!finite.length) return undefined;
    return finite.reduce((a, b) =>
      b.criteria[key] < a.criteria[key] || (b.criteria[key] === a.criteria[key] && b.edges.length < a.edges.length)
        ? b
        : a,
    );
  };
  const picks = new Map<PlannedRoute, Pick[]>();
  const mark = (r: PlannedRoute | undefined, p: Pick, why?: RoutePlan['notes'][number]) =>
    r ? picks.set(r, [...(picks.get(r) ?? []), p]) : why && notes.push(why);
  if (!routes.length) notes.push('noRoute');
  // "Greenest" of the one route whose emissions are known, beside routes whose are not, says nothing.
  const co2Known = routes.filter((r) => Number.isFinite(r.criteria.co2)).length >= 2;
  mark(co2Known ? best('co2') : undefined, 'greenest', routes.length ? 'noGreenest' : undefined);
  const scale = {
    days: best('days')?.criteria.days ?? 1,
    cost: best('cost')?.criteria.cost ?? 1,
    co2: best('co2')?.criteria.co2 ?? 1,
  };
  const score = (r: PlannedRoute) =>
    (['days', 'cost', 'co2'] as const).reduce(
      (a, k) =>
        a +
        (Number.isFinite(r.criteria[k]) && scale[k] > 0
          ? r.criteria[k] / scale[k]
          : Number.isFinite(r.criteria[k])
            ? 1
            : 3),
      0,
    );
  if (trusted.length) mark([...trusted].sort((a, b) => score(a) - score(b))[0], 'balanced');
  // Beside the Pareto set: the fastest route of each mode the set does not use (people compare
  // rail with sea even when one dominates), and any through service reported for this exact trip.
  const extra: PlannedRoute[] = [];
  const has = (r: PlannedRoute) =>
    [...routes, ...extra].some((x) => x.edges.map((e) => e.leg.id).join() === r.edges.map((e) => e.leg.id).join());
  for (const mode of MODES) {
    if (c.modes?.length && !c.modes.includes(mode)) continue;
    if (c.excludeModes?.includes(mode) || routes.some((r) => r.edges.some((e) => e.leg.mode === mode))) continue;
    // Only routes that really go by this mode: a good part of their time on it, and no long detour
    // (an air hop to Moscow and back by rail to Almaty is not an air option for Almaty).
    const share = (r: PlannedRoute) =>
      r.edges.filter((e) => e.leg.mode === mode).reduce((a, e) => a + e.leg.days.max, 0) /
      Math.max(
        1e-9,
        r.edges.reduce((a, e) => a + e.leg.days.max, 0),
      );
    const name = (id: string) => net.nodes.find((n) => n.id === id)?.names.en ?? id;
    const detour = (r: PlannedRoute) => {
      const direct = greatCircleKm(name(from.id), name(to.id));
      const legs = r.edges.map((e) => greatCircleKm(name(e.from), name(e.to)));
      return direct && legs.every((x) => x !== undefined) ? legs.reduce((a, x) => a + x!, 0) / direct : 1;
    };
    const alt = paretoRoutes(net, from.id, to.id, { ...c, requireMode: mode })
      .filter((r) => share(r) >= 0.3 && detour(r) <= 1.35)
      .sort((a, b) => a.criteria.days - b.criteria.days)[0];
    if (alt && !has(alt)) {
      extra.push(alt);
      picks.set(alt, [`best-${mode}` as Pick]);
    }
  }
  // Asked through a place ("走满洲里"), a through service whose sources do not name its crossing may take it: it is
  // shown, saying so, beside the legs through that place — their sum left out terminal time and had no price,
  // while the service's reported days and rates are what the person asked for (trial 20 t20-05).
  // Only a border crossing: a port ("через Владивосток") is another way, not a crossing the train may use.
  const unstated = (x: Edge) => viaNode?.kind === 'border-crossing' && x.leg.mode === 'rail' && !x.leg.crossing;
  const directLegs = edges.filter(
    (x) =>
      x.from === from.id &&
      x.to === to.id &&
      allowed(x, c, nodeCountry) &&
      (!c.via || passesVia(net, [x], c.via) || unstated(x)),
  );
  for (const e of directLegs) {
    const direct = { edges: [e], criteria: { ...edgeCriteria(net, e, c), cost: routeCost(net, [e], c) } };
    const same = [...routes, ...extra].find((x) => x.edges.length === 1 && x.edges[0]!.leg.id === e.leg.id);
    if (same) picks.set(same, [...(picks.get(same) ?? []), 'direct']);
    else {
      extra.push(direct);
      picks.set(direct, ['direct']);
    }
  }
  // The fastest of every option shown whose time no reported service contradicts: the best sea option
  // (sea to Vladivostok + rail, 10–12 days) beside a through train (15–18) is the faster, though the legs
  // by Khorgos that add up to less than the train kept it out of the Pareto set (trial 16 t16-33 read
  // "rail (fastest): 15–18 days" above "sea: 10–12 days"). When every route found from legs undercuts
  // the through service reported for the trip, that service is the fastest anyone reports.
  mark(best('days', [...trusted, ...extra.filter((r) => !undercuts(r))]), 'fastest');
  // …and then the one to take (Qingdao → Almaty named no best overall).
  if (routes.length && !trusted.length) {
    const service = best(
      'days',
      [...routes, ...extra].filter((r) => picks.get(r)?.includes('direct')),
    );
    mark(service, 'balanced');
  }
  // "Cheapest" of the one route whose cost is known, beside routes whose cost is not, says nothing. It is
  // chosen among every option shown: the best sea option may be the one with a (chain) price.
  const shown = [...routes, ...extra];
  const priced = shown.filter((r) => Number.isFinite(r.criteria.cost)).length;
  mark(priced >= 2 ? best('cost', shown) : undefined, 'cheapest', routes.length ? 'noCheapest' : undefined);
  const ordered = shown.sort((a, b) => a.criteria.days - b.criteria.days);
  const options = ordered.map((r) => {
    const s = summarize(net, r, c);
    // Times summed over separate legs leave out terminal and consolidation time: say what the
    // through service for the same trip is reported to take.
    const t = reportedFor(r);
    const part = t && t.to !== to.id ? net.nodes.find((n) => n.id === t.to) : undefined;
    if (t)
      s.caveats.unshift({
        code: 'composed',
        min: t.leg.days.min,
        max: t.leg.days.max,
        ...(part ? { partTo: part.names } : {}),
      });
    if (viaNode && r.edges.length === 1 && unstated(r.edges[0]!) && !passesVia(net, r.edges, viaNode.id))
      s.caveats.unshift({ code: 'crossing-not-stated', via: viaNode.names });
    return { ...s, picks: picks.get(r) ?? [] };
  });
  // No through service reported for the trip, but one from another place of the origin's country to the
  // same destination: said once, as the yardstick a person can compare the legs added up with.
  const benchmark =
    reportedLegs.length === 0 && options.some((o) => o.legs.length > 1)
      ? edges
          .filter(
            (x) =>
              x.to === to.id &&
              x.from !== from.id &&
              nodeCountry.get(x.from) === from.country &&
              allowed(x, c, nodeCountry) &&
              options.some((o) => o.legs[0]?.mode === x.leg.mode),
          )
          .sort((a, b) => a.leg.days.min - b.leg.days.min)[0]
      : undefined;
  const benchmarkFrom = benchmark ? net.nodes.find((n) => n.id === benchmark.from) : undefined;
  if (benchmark && benchmarkFrom)
    // Right after what a sum of legs leaves out, where a person compares the two.
    options[0]!.caveats.splice(options[0]!.caveats[0]?.code === 'composed' ? 1 : 0, 0, {
      code: 'benchmark',
      from: benchmarkFrom.names,
      min: benchmark.leg.days.min,
      max: benchmark.leg.days.max,
      year: Number(String(benchmark.leg.as_of).slice(0, 4)),
    });
  // The options in the order of their days, a reported through service before an estimate from legs
  // that undercuts it (which would otherwise open the answer with a time nobody has reported).
  options.sort((a, b) => Number(isUndercut(a)) - Number(isUndercut(b)));
  return {
    from: { id: from.id, name: from.names.en, names: from.names },
    to: { id: to.id, name: to.names.en, names: to.names },
    ...via,
    constraints: c,
    options,
    places: Object.fromEntries(
      [
        ...new Set([
          from.id,
          to.id,
          ...options.flatMap((o) => o.legs.flatMap((l) => [l.fromId, l.toId])),
          // A crossing names places no leg of the option passes ("Alashankou–Dostyk or Khorgos–Altynkol").
          ...net.nodes
            .filter((n) => options.some((o) => o.crossings.some((c) => c.includes(n.names.en))))
            .map((n) => n.id),
        ]),
      ].map((id) => [id, net.nodes.find((n) => n.id === id)?.names ?? { en: id, ru: id, zh: id }]),
    ),
    notes,
  };
}
