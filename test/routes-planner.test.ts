// Property tests: on random small networks every returned route is Pareto-optimal and none is
// missed, checked against a brute-force enumeration of all simple paths that is written apart from
// the planner — its own constraint checks, figures and dominance, nothing imported but types and
// the entry point — so a constraint dropped from the planner (the reefer filter, say) shows here.
import { describe, expect, it } from 'vitest';
import type { Leg, Mode, Network } from '../src/tools/routes/network-schema.js';
import { paretoRoutes, type Constraints } from '../src/tools/routes/planner.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** `coarse`: figures from a few values only, so that routes tie (equal cost, equal days) often. */
function randomNetwork(seed: number, coarse = false): Network {
  const raw = rng(seed);
  const r = coarse ? () => Math.floor(raw() * 3) / 3 : raw;
  const n = 4 + Math.floor(r() * 4);
  const modes: Mode[] = ['rail', 'sea', 'road', 'air'];
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    names: { en: `N${i}`, ru: `Н${i}`, zh: `节${i}` },
    aliases: [],
    country: i % 3 === 0 ? 'KZ' : 'CN',
    kind: 'city' as const,
  }));
  const legs: Leg[] = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const copies = r() < 0.45 ? 1 + Math.floor(r() * 2) : 0;
      for (let k = 0; k < copies; k++) {
        const dmin = Math.floor(r() * 10);
        const cmin = Math.floor(r() * 1000);
        const old =
          r() < 0.3
            ? { container: '40ft' as const, min: 0, max: 1, currency: 'USD', year: 2019, estimated: false }
            : undefined;
        const oldFirst = r() < 0.5;
        legs.push({
          id: `l${a}-${b}-${k}`,
          from: `n${a}`,
          to: `n${b}`,
          mode: modes[Math.floor(r() * 4)]!,
          days: { min: dmin, max: dmin + Math.floor(r() * 4) },
          ...(r() < 0.8 ? { distance_km: { min: 100, max: 100 + Math.floor(r() * 2000) } } : {}),
          ...(r() < 0.3 ? { dwell_days: { min: 0, max: Math.floor(r() * 3) } } : {}),
          cost: [
            // An older figure that must lose to the newer one, listed first in some legs, last in others.
            ...(old && oldFirst ? [old] : []),
            ...(r() < 0.85
              ? [
                  {
                    container: '40ft' as const,
                    min: cmin,
                    max: cmin + Math.floor(r() * 500),
                    currency: 'USD',
                    year: 2025,
                    estimated: false,
                  },
                ]
              : []),
            ...(old && !oldFirst ? [old] : []),
            // Figures for the other containers.
            ...(r() < 0.6
              ? [
                  {
                    container: '20ft' as const,
                    min: cmin / 2,
                    max: cmin,
                    currency: 'USD',
                    year: 2024,
                    estimated: false,
                  },
                ]
              : []),
            ...(r() < 0.6
              ? [
                  {
                    container: 'per-kg' as const,
                    min: 0.1,
                    max: 0.1 + r(),
                    currency: 'USD',
                    year: 2024,
                    estimated: false,
                  },
                ]
              : []),
          ],
          ...(r() < 0.25 ? { max_weight_t: 5 + Math.floor(r() * 20) } : {}),
          gauge_change: false,
          reefer: r() < 0.8,
          dangerous_goods: r() < 0.8,
          bidirectional: r() < 0.7,
          estimated: false,
          sources: ['https://example.org/x'],
          as_of: '2025-12-31',
        });
      }
    }
  return {
    version: 1,
    as_of: '2025-12-31',
    review_by: '2026-06-30',
    nodes,
    legs,
    emission_factors: modes.map((mode, i) => ({
      mode,
      g_co2e_per_tkm: { min: 5 + i * 20, max: 10 + i * 40 },
      sources: ['https://example.org/e'],
      as_of: '2025-12-31',
    })),
  };
}

interface Path {
  legs: Array<{ leg: Leg; from: string; to: string }>;
}
interface Figures {
  days: number;
  cost: number;
  co2: number;
}

const WEIGHT: Record<string, number> = { '20ft': 10, '40ft': 15, lcl: 1 };
const midpoint = (r: { min: number; max: number }) => (r.min + r.max) / 2;

/** May this leg be used, travelled from `from` to `to`, for these constraints? (spec, not code) */
function legAllowed(net: Network, leg: Leg, to: string, c: Constraints): boolean {
  const country = net.nodes.find((n) => n.id === to)!.country;
  if (c.modes && c.modes.length > 0 && c.modes.indexOf(leg.mode) < 0) return false;
  if (c.excludeModes && c.excludeModes.indexOf(leg.mode) >= 0) return false;
  if (c.reefer === true && leg.reefer === false) return false;
  if (c.dangerousGoods === true && leg.dangerous_goods === false) return false;
  if (c.weightT !== undefined && leg.max_weight_t !== undefined && leg.max_weight_t < c.weightT) return false;
  if (c.avoidCountries && c.avoidCountries.indexOf(country) >= 0) return false;
  return true;
}

/** The figures of a whole path: sums of midpoints, unknown (Infinity) when any leg lacks one. */
function figures(net: Network, path: Path, c: Constraints): Figures {
  const container = c.container ?? '40ft';
  const weight = c.weightT ?? WEIGHT[container]!;
  let days = 0;
  let cost = 0;
  let co2 = 0;
  for (const { leg } of path.legs) {
    days += midpoint(leg.days) + (leg.dwell_days ? midpoint(leg.dwell_days) : 0);
    const wanted = container === 'lcl' ? 'per-kg' : container;
    let newest: Leg['cost'][number] | undefined;
    for (const x of leg.cost) if (x.container === wanted && (!newest || x.year > newest.year)) newest = x;
    cost += newest ? midpoint(newest) * (container === 'lcl' ? weight * 1000 : 1) : Infinity;
    const factor = net.emission_factors.find((e) => e.mode === leg.mode);
    co2 +=
      leg.distance_km && factor
        ? (midpoint(leg.distance_km) * weight * midpoint(factor.g_co2e_per_tkm)) / 1e6
        : Infinity;
  }
  return { days, cost, co2 };
}

/** a beats b: both know the same figures, a is no worse in any and better in one. */
function beats(a: Figures, b: Figures): boolean {
  if (Number.isFinite(a.cost) !== Number.isFinite(b.cost) || Number.isFinite(a.co2) !== Number.isFinite(b.co2))
    return false;
  const known = (x: number, y: number) => !Number.isFinite(x) || x <= y;
  const noWorse = a.days <= b.days && known(a.cost, b.cost) && known(a.co2, b.co2);
  const better =
    a.days < b.days || (Number.isFinite(a.cost) && a.cost < b.cost) || (Number.isFinite(a.co2) && a.co2 < b.co2);
  return noWorse && better;
}

function modeChanges(path: Path): number {
  let n = 0;
  for (let i = 1; i < path.legs.length; i++) if (path.legs[i]!.leg.mode !== path.legs[i - 1]!.leg.mode) n++;
  return n;
}

/** Every simple path from → to that meets the constraints, then those no other path beats, with
 * their figures. */
function bruteForce(net: Network, from: string, to: string, c: Constraints): Array<{ sig: string } & Figures> {
  const moves = (node: string) =>
    net.legs.flatMap((leg) => [
      ...(leg.from === node ? [{ leg, from: node, to: leg.to }] : []),
      ...(leg.bidirectional && leg.to === node ? [{ leg, from: node, to: leg.from }] : []),
    ]);
  const complete: Array<{ path: Path; k: Figures }> = [];
  const walk = (path: Path, visited: string[]) => {
    const node = visited[visited.length - 1]!;
    if (node === to) {
      // A route crosses into each country once: the countries it passes, run together, repeat none.
      const runs = visited
        .map((id) => net.nodes.find((n) => n.id === id)!.country)
        .filter((country, i, all) => i === 0 || all[i - 1] !== country);
      if (new Set(runs).size !== runs.length) return;
      if (!c.requireMode || path.legs.some((l) => l.leg.mode === c.requireMode))
        complete.push({ path, k: figures(net, path, c) });
      return;
    }
    if (path.legs.length === (c.maxLegs ?? 10)) return;
    for (const m of moves(node)) {
      if (visited.includes(m.to) || !legAllowed(net, m.leg, m.to, c)) continue;
      const next = { legs: [...path.legs, m] };
      if (c.maxTransfers !== undefined && modeChanges(next) > c.maxTransfers) continue;
      walk(next, [...visited, m.to]);
    }
  };
  walk({ legs: [] }, [from]);
  return complete
    .filter((a) => !complete.some((b) => beats(b.k, a.k)))
    .map((a) => ({ sig: signature(a.path.legs), ...a.k }))
    .sort((a, b) => a.sig.localeCompare(b.sig));
}

const signature = (legs: ReadonlyArray<{ leg: Leg; from: string; to: string }>) =>
  legs.map((e) => `${e.leg.id}:${e.from}>${e.to}`).join('|');

/** One leg A→B of a hand-made network: days, 40ft cost and distance as exact figures (or none). */
function leg(id: string, mode: Mode, days: number, cost?: number, km?: number): Leg {
  return {
    id,
    from: 'a',
    to: 'b',
    mode,
    days: { min: days, max: days },
    ...(km !== undefined ? { distance_km: { min: km, max: km } } : {}),
    cost:
      cost === undefined
        ? []
        : [{ container: '40ft', min: cost, max: cost, currency: 'USD', year: 2025, estimated: false }],
    gauge_change: false,
    reefer: true,
    dangerous_goods: true,
    bidirectional: false,
    estimated: false,
    sources: ['https://example.org/x'],
    as_of: '2025-12-31',
  };
}

describe('route planner: the search cut never drops a Pareto route', () => {
  // Found first: one route of each pattern of known figures (cost and CO2, CO2 only, cost only,
  // neither), so that the cut has a route to compare with for every pattern; then routes that tie
  // with one found (equal in everything), or beat it in one figure only (cheaper, less CO2, faster).
  const routes = [
    leg('both', 'rail', 5, 100, 1000),
    leg('co2-only', 'road', 4, undefined, 100),
    leg('cost-only', 'sea', 3, 50),
    leg('neither', 'air', 2),
    leg('tie', 'rail', 5, 100, 1000),
    leg('faster', 'rail', 1, 120, 1000),
    leg('cheaper', 'rail', 7, 80, 1000),
    leg('cleaner', 'rail', 8, 130, 500),
  ];
  const net: Network = {
    version: 1,
    as_of: '2025-12-31',
    review_by: '2026-06-30',
    nodes: ['a', 'b'].map((id) => ({
      id,
      names: { en: id, ru: id, zh: id },
      aliases: [],
      country: 'CN',
      kind: 'city' as const,
    })),
    legs: routes,
    // No factor for air: a mode the network has no figure for leaves CO₂ unknown, it does not fail.
    emission_factors: (['rail', 'road', 'sea'] as Mode[]).map((mode) => ({
      mode,
      g_co2e_per_tkm: mode === 'road' ? { min: 60, max: 60 } : { min: 20, max: 20 },
      sources: ['https://example.org/e'],
      as_of: '2025-12-31',
    })),
  };

  it('keeps all eight: none beats another on the figures both know', () => {
    const got = paretoRoutes(net, 'a', 'b').map((r) => r.edges.map((e) => e.leg.id).join('|'));
    expect(got.sort()).toEqual(routes.map((l) => l.id).sort());
    expect(bruteForce(net, 'a', 'b', {}).map((r) => r.sig.split(':')[0])).toEqual(
      routes.map((l) => l.id).sort((x, y) => x.localeCompare(y)),
    );
  });
});

describe('route planner (property tests)', () => {
  const cases: Array<[string, Constraints]> = [
    ['no constraints', {}],
    ['rail and road only, at most one transfer', { modes: ['rail', 'road'], maxTransfers: 1 }],
    ['reefer, avoid KZ, 20ft', { reefer: true, avoidCountries: ['KZ'], container: '20ft' }],
    ['dangerous goods without air', { dangerousGoods: true, excludeModes: ['air'] }],
    ['routes that use sea somewhere', { requireMode: 'sea' }],
    ['reefer only', { reefer: true }],
    ['lcl, 3 t, at most 3 legs', { container: 'lcl', weightT: 3, maxLegs: 3 }],
    ['20 t in a 20ft box (road weight limits)', { container: '20ft', weightT: 20 }],
  ];
  // Figures compared to 6 significant digits (sums of midpoints in another order); Infinity as is.
  const rounded = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x);
  const withFigures = (r: { sig: string } & Figures) => ({
    sig: r.sig,
    days: rounded(r.days),
    cost: rounded(r.cost),
    co2: rounded(r.co2),
  });
  for (const coarse of [false, true])
    for (const [name, c] of cases) {
      it(`returns exactly the Pareto set with its figures on 150 random networks${coarse ? ' full of ties' : ''}: ${name}`, () => {
        let nonEmpty = 0;
        for (let seed = 1; seed <= 150; seed++) {
          const net = randomNetwork(seed * 7919, coarse);
          const last = `n${net.nodes.length - 1}`;
          const got = paretoRoutes(net, 'n0', last, c)
            .map((r) => withFigures({ sig: signature(r.edges), ...r.criteria }))
            .sort((a, b) => a.sig.localeCompare(b.sig));
          const expected = bruteForce(net, 'n0', last, c).map(withFigures);
          expect(got, `seed ${seed}`).toEqual(expected);
          if (got.length) nonEmpty++;
        }
        expect(nonEmpty).toBeGreaterThan(25); // the networks are not trivially disconnected
      });
    }
});
