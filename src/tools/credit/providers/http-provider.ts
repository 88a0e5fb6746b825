// The zone's credit service over the REST contract in docs/credit-api.openapi.yaml.
import { z } from 'zod';
import type { CompanyCandidate, CreditProvider, ProviderReport } from '../types.js';
import { fetchJson, ProviderError } from './fetch-json.js';

const searchSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      country: z.string().optional(),
      registration_id: z.string().optional(),
      status: z.string().optional(),
    }),
  ),
});
const reportSchema = z.object({
  id: z.string(),
  legal_name: z.string(),
  other_names: z.array(z.string()).default([]),
  country: z.string().optional(),
  address: z.string().optional(),
  status: z.string().optional(),
  registration: z.object({ authority: z.string(), number: z.string(), date: z.string().optional() }).optional(),
  rating: z.object({ value: z.string(), scale: z.string(), as_of: z.string() }).optional(),
  data_as_of: z.string(),
});

export class HttpCreditProvider implements CreditProvider {
  readonly id = 'http';
  constructor(private readonly opts: { baseUrl: string; apiKey?: string | undefined; name?: string }) {}

  private headers(): Record<string, string> {
    return this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {};
  }

  async search(name: string, country: string | undefined, signal: AbortSignal): Promise<CompanyCandidate[]> {
    const url = new URL('companies', this.base());
    url.searchParams.set('name', name);
    if (country) url.searchParams.set('country', country);
    const raw = await fetchJson(url.toString(), { signal, headers: this.headers() }, 'the zone credit service');
    const parsed = searchSchema.safeParse(raw ?? { items: [] });
    if (!parsed.success)
      throw new ProviderError('the zone credit service sent an unexpected search response', {
        provider: 'zone credit service',
        kind: 'unexpected-response',
        cause: parsed.error,
      });
    return parsed.data.items.map((i) => ({
      provider: this.id,
      id: i.id,
      name: i.name,
      country: i.country,
      registrationId: i.registration_id,
      status: i.status,
    }));
  }

  async report(id: string, signal: AbortSignal): Promise<ProviderReport> {
    const raw = await fetchJson(
      new URL(`companies/${encodeURIComponent(id)}`, this.base()).toString(),
      { signal, headers: this.headers() },
      'the zone credit service',
    );
    const parsed = reportSchema.safeParse(raw);
    if (!parsed.success)
      throw new ProviderError('the zone credit service sent an unexpected report', {
        provider: 'zone credit service',
        kind: 'unexpected-response',
        cause: parsed.error,
      });
    const r = parsed.data;
    return {
      provider: this.id,
      source: this.opts.name ?? 'Zone credit service (信用上合)',
      asOf: r.data_as_of.slice(0, 10),
      legalName: r.legal_name,
      otherNames: r.other_names,
      country: r.country,
      address: r.address,
      status: r.status,
      registeredOn: r.registration?.date?.slice(0, 10),
      registrationIds: r.registration ? [{ type: r.registration.authority, value: r.registration.number }] : [],
      rating: r.rating
        ? { value: r.rating.value, scale: r.rating.scale, asOf: r.rating.as_of.slice(0, 10) }
        : undefined,
    };
  }

  private base(): string {
    return this.opts.baseUrl.endsWith('/') ? this.opts.baseUrl : `${this.opts.baseUrl}/`;
  }
}
