// The route planner as a service: the local network from knowledge/logistics/network.yaml, plus
// legs from an external route/rate service (docs/routes-api.openapi.yaml) when configured.
import { z } from 'zod';
import { fetchJson } from '../credit/providers/fetch-json.js';
import { legSchema, loadNetwork, type Network } from './network-schema.js';
import { planRoutes, type RoutePlan } from './plan-routes.js';
import type { Constraints } from './planner.js';
import { resolvePlace } from './resolve-place.js';

const externalSchema = z.object({ legs: z.array(legSchema) });

export class RouteService {
  private loaded: Network | undefined;

  constructor(
    private readonly o: {
      networkFile: string;
      httpUrl?: string | undefined;
      httpApiKey?: string | undefined;
      timeoutMs?: number;
    },
  ) {}

  /** The network file, read and checked on first use (a command that plans no route never parses it). */
  get network(): Network {
    return (this.loaded ??= loadNetwork(this.o.networkFile));
  }

  async plan(
    from: string,
    to: string,
    c: Constraints = {},
  ): Promise<{ plan: RoutePlan; external: 'used' | 'unavailable' | 'not configured' }> {
    let net = this.network;
    let external: 'used' | 'unavailable' | 'not configured' = 'not configured';
    if (this.o.httpUrl) {
      const a = resolvePlace(net, from);
      const b = resolvePlace(net, to);
      try {
        const url = new URL(`${this.o.httpUrl.replace(/\/$/, '')}/legs`);
        url.searchParams.set('from', a?.id ?? from);
        url.searchParams.set('to', b?.id ?? to);
        const raw = await fetchJson(
          url.toString(),
          {
            signal: AbortSignal.timeout(this.o.timeoutMs ?? 5000),
            headers: this.o.httpApiKey ? { authorization: `Bearer ${this.o.httpApiKey}` } : {},
          },
          'the route service',
        );
        const parsed = externalSchema.safeParse(raw ?? { legs: [] });
        if (parsed.success) {
          const known = new Set(net.nodes.map((n) => n.id));
          // External legs join the network beside ours; legs to places we do not know are skipped.
          net = {
            ...net,
            legs: [
              ...net.legs,
              ...parsed.data.legs
                .filter((l) => known.has(l.from) && known.has(l.to))
                .map((l) => ({ ...l, id: `ext-${l.id}` })),
            ],
          };
          external = 'used';
        } else external = 'unavailable';
      } catch {
        external = 'unavailable';
      }
    }
    return { plan: planRoutes(net, from, to, c), external };
  }
}

/** "/route Qingdao St Petersburg 40ft reefer": the longest place names that resolve, then cargo words. */
export function parseRouteArgs(
  net: Network,
  text: string,
): { from: string; to: string; constraints: Constraints } | undefined {
  const words = text
    .trim()
    .split(/\s+|→|->/)
    .filter(Boolean);
  const cargo: Constraints = {};
  const rest: string[] = [];
  for (const w of words) {
    const k = w.toLowerCase();
    if (/^(20ft|20'|20)$/.test(k)) cargo.container = '20ft';
    else if (/^(40ft|40'|40|feu|40hc)$/.test(k)) cargo.container = '40ft';
    else if (/^(lcl|сборн\S*|拼箱)$/.test(k)) cargo.container = 'lcl';
    else if (/^(reefer|рефрижератор\S*|реф|冷藏)$/.test(k)) cargo.reefer = true;
    else if (/^(dg|adr|опасн\S*|危险品)$/.test(k)) cargo.dangerousGoods = true;
    else if (/^\d+(\.\d+)?t$/.test(k)) cargo.weightT = Number(k.slice(0, -1));
    else if (!/^(to|до|в|из|from|到|从)$/.test(k)) rest.push(w);
  }
  for (let i = rest.length - 1; i >= 1; i--) {
    const from = rest.slice(0, i).join(' ');
    const to = rest.slice(i).join(' ');
    if (resolvePlace(net, from) && resolvePlace(net, to)) return { from, to, constraints: cargo };
  }
  if (rest.length === 2) return { from: rest[0]!, to: rest[1]!, constraints: cargo };
  return undefined;
}
