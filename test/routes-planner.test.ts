// Property tests: on random small networks every returned route is Pareto-optimal and none is
// missed, checked against brute-force enumeration of all simple paths.
import { describe, expect, it } from 'vitest';
import type { Leg, Mode, Network } from '../src/tools/routes/network-schema.js';
import {
  allowed,
  dominates,
  edgeCriteria,
  edgesOf,
  paretoRoutes,
  transfers,
  type Constraints,
  type Edge,
} from '../src/tools/routes/planner.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function randomNetwork(seed: number): Network {
  const r = rng(seed);
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
        legs.push({
          id: `l${a}-${b}-${k}`,
          from: `n${a}`,
          to: `n${b}`,
          mode: modes[Math.floor(r() * 4)]!,
          days: { min: dmin, max: dmin + Math.floor(r() * 4) },
          ...(r() < 0.8 ? { distance_km: { min: 100, max: 100 + Math.floor(r() * 2000) } } : {}),
          ...(r() < 0.3 ? { dwell_days: { min: 0, max: Math.floor(r() * 3) } } : {}),
          cost:
            r() < 0.85
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
              : [],
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

function bruteForce(net: Network, from: string, to: string, c: Constraints): string[] {
  const nodeCountry = new Map(net.nodes.map((n) => [n.id, n.country]));
  const edges = edgesOf(net).filter((e) => allowed(e, c, nodeCountry));
  const all: Array<{ sig: string; k: { days: number; cost: number; co2: number } }> = [];
  const walk = (node: string, path: Edge[], seen: Set<string>) => {
    if (node === to) {
      if (c.requireMode && !path.some((e) => e.leg.mode === c.requireMode)) return;
      const k = path.reduce(
        (a, e) => {
          const x = edgeCriteria(net, e, c);
          return { days: a.days + x.days, cost: a.cost + x.cost, co2: a.co2 + x.co2 };
        },
        { days: 0, cost: 0, co2: 0 },
      );
      all.push({ sig: sig(path), k });
      return;
    }
    if (path.length >= (c.maxLegs ?? 10)) return;
    for (const e of edges) {
      if (e.from !== node || seen.has(e.to)) continue;
      const next = [...path, e];
      if (c.maxTransfers !== undefined && transfers(next) > c.maxTransfers) continue;
      walk(e.to, next, new Set([...seen, e.to]));
    }
  };
  walk(from, [], new Set([from]));
  return all
    .filter((a) => !all.some((b) => dominates(b.k, a.k)))
    .map((a) => a.sig)
    .sort();
}

const sig = (path: Edge[]) => path.map((e) => `${e.leg.id}:${e.from}>${e.to}`).join('|');

describe('route planner (property tests)', () => {
  const cases: Array<[string, Constraints]> = [
    ['no constraints', {}],
    ['rail and road only, at most one transfer', { modes: ['rail', 'road'], maxTransfers: 1 }],
    ['reefer, avoid KZ, 20ft', { reefer: true, avoidCountries: ['KZ'], container: '20ft' }],
    ['dangerous goods without air', { dangerousGoods: true, excludeModes: ['air'] }],
    ['routes that use sea somewhere', { requireMode: 'sea' }],
  ];
  for (const [name, c] of cases) {
    it(`returns exactly the Pareto set on 150 random networks: ${name}`, () => {
      let nonEmpty = 0;
      for (let seed = 1; seed <= 150; seed++) {
        const net = randomNetwork(seed * 7919);
        const last = `n${net.nodes.length - 1}`;
        const got = paretoRoutes(net, 'n0', last, c)
          .map((r) => sig(r.edges))
          .sort();
        const expected = bruteForce(net, 'n0', last, c);
        expect(got, `seed ${seed}`).toEqual(expected);
        if (got.length) nonEmpty++;
      }
      expect(nonEmpty).toBeGreaterThan(25); // the networks are not trivially disconnected
    });
  }
});
