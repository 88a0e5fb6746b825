// Multi-criteria route planning: all Pareto-optimal routes over transit days, cost and CO2 (range
// midpoints compared; ranges reported), under constraints. Criteria are additive and non-negative,
// so a partial route already dominated by a complete one can be cut: the search stays exact.
import type { Leg, Mode, Network, Range } from './network-schema.js';

export type Container = '20ft' | '40ft' | 'lcl';

export interface Constraints {
  modes?: Mode[];
  excludeModes?: Mode[];
  container?: Container;
  reefer?: boolean;
  dangerousGoods?: boolean;
  /** Cargo weight in tonnes (CO2 and road limits); defaults per container are stated as caveats. */
  weightT?: number;
  /** Changes of mode along the route. */
  maxTransfers?: number;
  avoidCountries?: string[];
  /** Safety bound on legs per route. */
  maxLegs?: number;
  /** Only routes that use this mode somewhere (the best sea option, the best rail option …). */
  requireMode?: Mode;
  /** Only routes through this place (a node id): "via Khorgos". */
  via?: string;
}

export interface Edge {
  leg: Leg;
  from: string;
  to: string;
}

export interface Criteria {
  days: number;
  cost: number;
  co2: number;
}

export interface PlannedRoute {
  edges: Edge[];
  criteria: Criteria;
}

export const DEFAULT_WEIGHT_T: Record<Container, number> = { '20ft': 10, '40ft': 15, lcl: 1 };

const mid = (r: Range) => (r.min + r.max) / 2;

export function edgesOf(net: Network): Edge[] {
  return net.legs.flatMap((leg) => [
    { leg, from: leg.from, to: leg.to },
    ...(leg.bidirectional ? [{ leg, from: leg.to, to: leg.from }] : []),
  ]);
}

/** The newest cost figure of a leg for the container (a leg may carry several years). */
export function legCostEntry(leg: Leg, container: Container): Leg['cost'][number] | undefined {
  const key = container === 'lcl' ? 'per-kg' : container;
  return leg.cost.filter((x) => x.container === key).sort((a, b) => b.year - a.year)[0];
}

export function legCost(leg: Leg, container: Container): Range | undefined {
  const c = legCostEntry(leg, container);
  return c ? { min: c.min, max: c.max } : undefined;
}

export function emissionFactor(net: Network, mode: Mode): Range | undefined {
  return net.emission_factors.find((e) => e.mode === mode)?.g_co2e_per_tkm;
}

/** The criteria of one edge: midpoints; Infinity where the network has no figure. */
export function edgeCriteria(net: Network, e: Edge, c: Constraints): Criteria {
  const container = c.container ?? '40ft';
  const weight = c.weightT ?? DEFAULT_WEIGHT_T[container];
  const cost = legCost(e.leg, container);
  const factor = emissionFactor(net, e.leg.mode);
  const costMid = cost ? mid(cost) * (container === 'lcl' ? weight * 1000 : 1) : Infinity;
  return {
    days: mid(e.leg.days) + (e.leg.dwell_days ? mid(e.leg.dwell_days) : 0),
    cost: costMid,
    co2: e.leg.distance_km && factor ? (mid(e.leg.distance_km) * weight * mid(factor)) / 1e6 : Infinity,
  };
}

export function allowed(e: Edge, c: Constraints, nodeCountry: Map<string, string>): boolean {
  const l = e.leg;
  if (c.modes?.length && !c.modes.includes(l.mode)) return false;
  if (c.excludeModes?.includes(l.mode)) return false;
  if (c.reefer && !l.reefer) return false;
  if (c.dangerousGoods && !l.dangerous_goods) return false;
  // No weight given, or no limit on the leg: nothing to exceed.
  if ((c.weightT ?? 0) > (l.max_weight_t ?? Infinity)) return false;
  if (c.avoidCountries?.length && c.avoidCountries.includes(nodeCountry.get(e.to) ?? '')) return false;
  return true;
}

/** Whether a route passes a place: a leg starts or ends there, or crosses the border there. */
export function passesVia(net: Network, edges: readonly Edge[], via: string): boolean {
  const name = net.nodes.find((n) => n.id === via)?.names.en;
  return edges.some((e) => e.from === via || e.to === via || (name !== undefined && e.leg.crossing?.includes(name)));
}

export function transfers(edges: readonly Edge[]): number {
  let n = 0;
  for (let i = 1; i < edges.length; i++) if (edges[i]!.leg.mode !== edges[i - 1]!.leg.mode) n++;
  return n;
}

// A missing figure (Infinity) is unknown, not worst: a route whose cost is unknown may be cheaper
// than one whose cost is known, so routes are compared only on what both of them know.
const COST = 1;
const CO2 = 2;
export const knownPattern = (k: Criteria) => (Number.isFinite(k.cost) ? COST : 0) | (Number.isFinite(k.co2) ? CO2 : 0);

/** a dominates b: the same figures known, no worse in any, better in one. */
export function dominates(a: Criteria, b: Criteria): boolean {
  if (knownPattern(a) !== knownPattern(b)) return false;
  const le =
    a.days <= b.days && (!Number.isFinite(a.cost) || a.cost <= b.cost) && (!Number.isFinite(a.co2) || a.co2 <= b.co2);
  return le && (a.days < b.days || a.cost < b.cost || a.co2 < b.co2);
}

/** a dominates b on days and the figures in `pattern` (b may know more, which can only be lost later). */
function dominatesOn(a: Criteria, b: Criteria, pattern: number): boolean {
  const costOk = !(pattern & COST) || a.cost <= b.cost;
  const co2Ok = !(pattern & CO2) || a.co2 <= b.co2;
  const strict = a.days < b.days || (pattern & COST && a.cost < b.cost) || (pattern & CO2 && a.co2 < b.co2);
  return a.days <= b.days && costOk && co2Ok && Boolean(strict);
}

/** Every extension of a partial route loses known figures or keeps them; it is dominated if, for
 * each pattern it could end with, a found route with that pattern dominates it already. */
function prunable(found: readonly PlannedRoute[], partial: Criteria): boolean {
  const p = knownPattern(partial);
  for (const q of [p, p & COST, p & CO2, 0]) {
    if ((q & p) !== q) continue;
    if (!found.some((r) => knownPattern(r.criteria) === q && dominatesOn(r.criteria, partial, q))) return false;
  }
  return true;
}

export function paretoRoutes(net: Network, from: string, to: string, c: Constraints = {}): PlannedRoute[] {
  const nodeCountry = new Map(net.nodes.map((n) => [n.id, n.country]));
  const out = new Map<string, Edge[]>();
  for (const e of edgesOf(net)) {
    if (!allowed(e, c, nodeCountry)) continue;
    out.set(e.from, [...(out.get(e.from) ?? []), e]);
  }
  const maxLegs = c.maxLegs ?? 10;
  const found: PlannedRoute[] = [];
  const path: Edge[] = [];
  const visited = new Set<string>([from]);
  // A route that leaves a country does not come back into it (Almaty → Bishkek → Kashgar → Tashkent
  // for Qingdao → Tashkent): each border is crossed once, each way.
  const reenters = (e: Edge): boolean => {
    const next = nodeCountry.get(e.to);
    if (next === undefined || next === nodeCountry.get(e.from)) return false;
    return next === nodeCountry.get(from) || path.some((p) => nodeCountry.get(p.from) === next);
  };
  const walk = (node: string, acc: Criteria) => {
    // Cut: anything this partial route can become is dominated by a route already found.
    if (prunable(found, acc)) return;
    if (node === to) {
      if (c.requireMode && !path.some((e) => e.leg.mode === c.requireMode)) return;
      if (c.via && !passesVia(net, path, c.via)) return;
      if (found.some((r) => dominates(r.criteria, acc))) return;
      for (let i = found.length - 1; i >= 0; i--) if (dominates(acc, found[i]!.criteria)) found.splice(i, 1);
      found.push({ edges: [...path], criteria: acc });
      return;
    }
    if (path.length >= maxLegs) return;
    for (const e of out.get(node) ?? []) {
      if (visited.has(e.to) || reenters(e)) continue;
      path.push(e);
      if (c.maxTransfers === undefined || transfers(path) <= c.maxTransfers) {
        const k = edgeCriteria(net, e, c);
        visited.add(e.to);
        walk(e.to, { days: acc.days + k.days, cost: acc.cost + k.cost, co2: acc.co2 + k.co2 });
        visited.delete(e.to);
      }
      path.pop();
    }
  };
  walk(from, { days: 0, cost: 0, co2: 0 });
  // The search adds the legs' costs up; a chain price is known only once the whole route is: priced again.
  return found.map((r) => ({ ...r, criteria: { ...r.criteria, cost: routeCost(net, r.edges, c) } }));
}

/** The legs a route is priced by, each with its cost entry (undefined: no figure). A chain price ("sea to
 * Vladivostok + rail to Moscow") covers the costless leg before its own; a trip that starts inside a chain
 * has no price for it, the figure including a leg the trip does not take. The summary states this price
 * (route-summary.ts) and routeCost ranks by it. */
export function pricedLegs(edges: readonly Edge[], container: Container) {
  const entries = edges.map((e) => legCostEntry(e.leg, container));
  return edges.flatMap((e, i) => {
    const entry = entries[i];
    if (!entry && entries[i + 1]?.chain) return [];
    return [{ e, entry: entry?.chain && i === 0 ? undefined : entry }];
  });
}

/** A route's cost midpoint as pricedLegs counts it; Infinity when a leg has no figure. */
export function routeCost(net: Network, edges: readonly Edge[], c: Constraints): number {
  return pricedLegs(edges, c.container ?? '40ft').reduce(
    (total, { e, entry }) => (entry ? total + edgeCriteria(net, e, c).cost : Infinity),
    0,
  );
}
