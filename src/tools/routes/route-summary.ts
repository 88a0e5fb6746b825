// What a person needs to know about one route: legs, crossings, totals as ranges, documents per
// leg, the Incoterms 2020 rules that fit, caveats and the dates of the figures.
import type { TransportDocument } from '../../i18n/route-texts.js';
import type { Caveat } from '../../domain/route-caveat.js';
import type { Lang } from '../../domain/lang.js';
import type { Leg, Network, Range } from './network-schema.js';
import {
  DEFAULT_WEIGHT_T,
  emissionFactor,
  pricedLegs,
  type Constraints,
  type Container,
  type Edge,
  type PlannedRoute,
} from './planner.js';

export interface RouteSummary {
  legs: Array<{
    fromId: string;
    toId: string;
    from: string;
    to: string;
    mode: Leg['mode'];
    days: Range;
    dwellDays?: Range;
    distanceKm?: Range;
    crossing?: string;
    document: TransportDocument;
    asOf: string;
    estimated: boolean;
    sources: string[];
  }>;
  crossings: string[];
  days: Range;
  cost?: {
    min: number;
    max: number;
    currency: string;
    years: number[];
    estimated: boolean;
    /** What the figures were measured for, where not this trip (network-schema.ts `basis`). */
    bases?: Array<Record<Lang, string>>;
  };
  co2T?: Range;
  incoterms: string[];
  caveats: Caveat[];
  asOf: { oldest: string; newest: string };
  criteria: PlannedRoute['criteria'];
}

const round = (x: number, step = 1) => Math.round(x / step) * step;

function document(e: Edge, net: Network): TransportDocument {
  const country = (id: string) => net.nodes.find((n) => n.id === id)?.country ?? '';
  switch (e.leg.mode) {
    case 'sea':
      return 'bill of lading';
    case 'air':
      return 'air waybill';
    case 'road':
      return country(e.from) !== country(e.to) ? 'CMR consignment note + TIR carnet' : 'CMR consignment note';
    default: {
      // SMGS runs on the 1520 mm network and China; into the EU the common CIM/SMGS note is used.
      const eu = ['PL', 'DE', 'LT', 'LV', 'NL', 'CZ', 'HU', 'SK', 'FR', 'IT', 'ES', 'AT'];
      return eu.includes(country(e.to)) || eu.includes(country(e.from))
        ? 'CIM/SMGS consignment note'
        : 'SMGS consignment note';
    }
  }
}

export function summarize(net: Network, r: PlannedRoute, c: Constraints): RouteSummary {
  const container: Container = c.container ?? '40ft';
  const weight = c.weightT ?? DEFAULT_WEIGHT_T[container];
  const name = (id: string) => net.nodes.find((n) => n.id === id)?.names.en ?? id;
  const caveats: Caveat[] = [];
  // A sea leg is named with its passage: Qingdao → St Petersburg by Suez has a figure, by the Northern Sea Route
  // not, and "no cost figure for Qingdao–St Petersburg" under the Suez price read as a contradiction (trial 18 t18-34).
  const namedLeg = (e: Edge) => ({
    places: `${name(e.from)}–${name(e.to)}`,
    mode: e.leg.mode,
    ...(e.leg.mode === 'sea' && e.leg.crossing ? { crossing: e.leg.crossing } : {}),
  });
  const legs = r.edges.map((e) => ({
    from: name(e.from),
    to: name(e.to),
    fromId: e.from,
    toId: e.to,
    mode: e.leg.mode,
    days: e.leg.days,
    ...(e.leg.dwell_days ? { dwellDays: e.leg.dwell_days } : {}),
    ...(e.leg.distance_km ? { distanceKm: e.leg.distance_km } : {}),
    ...(e.leg.crossing ? { crossing: e.leg.crossing } : {}),
    document: document(e, net),
    asOf: e.leg.as_of,
    estimated: e.leg.estimated,
    sources: e.leg.sources,
  }));
  const days = r.edges.reduce(
    (a, e) => ({
      min: a.min + e.leg.days.min + (e.leg.dwell_days?.min ?? 0),
      max: a.max + e.leg.days.max + (e.leg.dwell_days?.max ?? 0),
    }),
    { min: 0, max: 0 },
  );
  let cost: RouteSummary['cost'];
  // A chain price ("sea to Vladivostok + rail to Moscow, USD 5,300") covers the leg before its own (pricedLegs).
  const costs = pricedLegs(r.edges, container).map(({ e, entry }) => ({
    e,
    entry,
    c: entry ? { min: entry.min, max: entry.max } : undefined,
  }));
  const missing = costs.filter((x) => !x.c);
  const currencies = new Set(costs.flatMap((x) => (x.entry ? [x.entry.currency] : [])));
  if (missing.length === 0 && currencies.size === 1) {
    const factor = container === 'lcl' ? weight * 1000 : 1;
    cost = {
      min: round(costs.reduce((a, x) => a + x.c!.min, 0) * factor, 10),
      max: round(costs.reduce((a, x) => a + x.c!.max, 0) * factor, 10),
      currency: [...currencies][0]!,
      years: [...new Set(costs.map((x) => x.entry!.year))].sort(),
      estimated: costs.some((x) => x.entry!.estimated),
    };
    const bases = costs.flatMap((x) => (x.entry!.basis ? [x.entry!.basis] : []));
    if (bases.length) cost.bases = bases;
  } else if (missing.length) {
    caveats.push({ code: 'no-cost', container, legs: missing.map(({ e }) => namedLeg(e)) });
  } else caveats.push({ code: 'mixed-currency' });
  let co2T: Range | undefined;
  if (r.edges.every((e) => e.leg.distance_km && emissionFactor(net, e.leg.mode))) {
    const t = (pick: 'min' | 'max') =>
      r.edges.reduce(
        (a, e) => a + (e.leg.distance_km![pick] * weight * emissionFactor(net, e.leg.mode)![pick]) / 1e6,
        0,
      );
    co2T = { min: Math.round(t('min') * 10) / 10, max: Math.round(t('max') * 10) / 10 };
    if (c.weightT === undefined) caveats.push({ code: 'co2-assumed-weight', weightT: weight, container });
  } else
    caveats.push({
      code: 'no-co2',
      legs: r.edges.filter((e) => !e.leg.distance_km || !emissionFactor(net, e.leg.mode)).map(namedLeg),
    });
  if (r.edges.some((e) => e.leg.estimated) || cost?.estimated) caveats.push({ code: 'estimates' });
  if (r.edges.some((e) => e.leg.gauge_change)) caveats.push({ code: 'gauge-change' });
  caveats.push({ code: 'not-a-quote' });
  const seaOnly = r.edges.every((e) => e.leg.mode === 'sea');
  const incoterms = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', ...(seaOnly ? ['FAS', 'FOB', 'CFR', 'CIF'] : [])];
  if (!seaOnly) caveats.push({ code: 'no-fob' });
  const dates = r.edges.map((e) => e.leg.as_of).sort();
  return {
    legs,
    crossings: r.edges.flatMap((e) => (e.leg.crossing ? [e.leg.crossing] : [])),
    days: { min: round(days.min), max: round(days.max) },
    ...(cost ? { cost } : {}),
    ...(co2T ? { co2T } : {}),
    incoterms,
    caveats,
    asOf: { oldest: dates[0]!, newest: dates.at(-1)! },
    criteria: r.criteria,
  };
}
