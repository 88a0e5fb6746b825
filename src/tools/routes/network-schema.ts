// knowledge/logistics/network.yaml: the route network as data. Every figure is a range with its
// source and date; a figure we derived ourselves is marked `estimated: true`.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export const MODES = ['rail', 'sea', 'road', 'air'] as const;
export type Mode = (typeof MODES)[number];

const date = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), 'must be YYYY-MM-DD');
export const rangeSchema = z
  .object({ min: z.number().nonnegative(), max: z.number().nonnegative() })
  .refine((r) => r.min <= r.max, 'min must not exceed max');
export type Range = z.infer<typeof rangeSchema>;

export const nodeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  names: z.object({ en: z.string(), ru: z.string(), zh: z.string() }),
  aliases: z.array(z.string()).default([]),
  country: z.string().regex(/^[A-Z]{2}$/),
  kind: z.enum(['port', 'rail-terminal', 'border-crossing', 'city', 'hub', 'airport']),
  note: z.string().optional(),
});

export const costSchema = z
  .object({
    container: z.enum(['20ft', '40ft', 'per-kg']),
    min: z.number().nonnegative(),
    max: z.number().nonnegative(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    year: z.number().int().min(2015).max(2030),
    estimated: z.boolean().default(false),
    /** The figure is the price of the whole chain that ends with this leg (sea to a Far East port, then
     * rail): the costless leg into its start is covered, and a trip that starts at the port has no price. */
    chain: z.boolean().optional(),
    /** What the figure was measured for when it is not this leg itself ("rate from Shanghai", "China-wide
     * rate, to the port"), in each language: shown beside the figure, or a proxy reads as the trip's price. */
    basis: z.object({ en: z.string(), ru: z.string(), zh: z.string() }).optional(),
    note: z.string().optional(),
  })
  .refine((c) => c.min <= c.max, 'cost min must not exceed max');

export const legSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  from: z.string(),
  to: z.string(),
  mode: z.enum(MODES),
  distance_km: rangeSchema.optional(),
  days: rangeSchema,
  /** Border dwell / gauge change / transshipment at the end of this leg, in days. */
  dwell_days: rangeSchema.optional(),
  gauge_change: z.boolean().default(false),
  crossing: z.string().optional(), // e.g. "Alashankou–Dostyk"
  cost: z.array(costSchema).default([]),
  frequency: z.string().optional(),
  reefer: z.boolean().default(true),
  dangerous_goods: z.boolean().default(true),
  max_weight_t: z.number().positive().optional(),
  bidirectional: z.boolean().default(true),
  estimated: z.boolean().default(false),
  sources: z.array(z.string().url()).min(1),
  as_of: date,
  note: z.string().optional(),
});

export const emissionSchema = z.object({
  mode: z.enum(MODES),
  g_co2e_per_tkm: rangeSchema,
  sources: z.array(z.string().url()).min(1),
  as_of: date,
  note: z.string().optional(),
});

export const networkSchema = z.object({
  version: z.literal(1),
  as_of: date,
  /** When a person must re-check the figures (rates move: at most 6 months after as_of). */
  review_by: date,
  nodes: z.array(nodeSchema).min(2),
  legs: z.array(legSchema).min(1),
  emission_factors: z.array(emissionSchema).min(1),
});

export type Network = z.infer<typeof networkSchema>;
export type NetworkNode = z.infer<typeof nodeSchema>;
export type Leg = z.infer<typeof legSchema>;

/** Parses and cross-checks the network: ids unique, every referenced node exists. */
export function parseNetwork(text: string): Network {
  const net = networkSchema.parse(parseYaml(text));
  const ids = new Set<string>();
  for (const n of net.nodes) {
    if (ids.has(n.id)) throw new Error(`node ${n.id} is defined twice`);
    ids.add(n.id);
  }
  const legIds = new Set<string>();
  for (const l of net.legs) {
    if (legIds.has(l.id)) throw new Error(`leg ${l.id} is defined twice`);
    legIds.add(l.id);
    for (const end of [l.from, l.to]) if (!ids.has(end)) throw new Error(`leg ${l.id} refers to unknown node ${end}`);
  }
  return net;
}

export function loadNetwork(path: string): Network {
  return parseNetwork(readFileSync(path, 'utf8'));
}
