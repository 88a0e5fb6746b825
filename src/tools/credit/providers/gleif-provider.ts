// GLEIF's public API (JSON:API): legal-entity records by name and country — LEI, legal name,
// status, jurisdiction, address, registration authority id. Identity only: GLEIF has no ratings.
import { z } from 'zod';
import type { CompanyCandidate, CreditProvider, ProviderReport } from '../types.js';
import { fetchJson, ProviderError } from './fetch-json.js';

const record = z.object({
  id: z.string(),
  attributes: z.object({
    lei: z.string(),
    entity: z.object({
      legalName: z.object({ name: z.string() }),
      otherNames: z.array(z.object({ name: z.string() })).default([]),
      transliteratedOtherNames: z.array(z.object({ name: z.string() })).default([]),
      legalAddress: z
        .object({
          addressLines: z.array(z.string()).default([]),
          city: z.string().nullish(),
          country: z.string().nullish(),
        })
        .partial()
        .default({}),
      jurisdiction: z.string().nullish(),
      status: z.string().nullish(),
      registeredAs: z.string().nullish(),
      registeredAt: z.object({ id: z.string().nullish() }).partial().nullish(),
      creationDate: z.string().nullish(),
    }),
    registration: z
      .object({
        initialRegistrationDate: z.string().nullish(),
        lastUpdateDate: z.string().nullish(),
        status: z.string().nullish(),
      })
      .partial()
      .default({}),
  }),
});
const listSchema = z.object({ data: z.array(record) });
const oneSchema = z.object({ data: record });

export class GleifProvider implements CreditProvider {
  readonly id = 'gleif';
  constructor(private readonly baseUrl = 'https://api.gleif.org/api/v1') {}

  async search(name: string, country: string | undefined, signal: AbortSignal): Promise<CompanyCandidate[]> {
    const url = new URL(`${this.baseUrl.replace(/\/$/, '')}/lei-records`);
    url.searchParams.set('filter[fulltext]', name);
    if (country) url.searchParams.set('filter[entity.legalAddress.country]', country);
    url.searchParams.set('page[size]', '10');
    const parsed = listSchema.safeParse((await fetchJson(url.toString(), { signal }, 'GLEIF')) ?? { data: [] });
    if (!parsed.success)
      throw new ProviderError('GLEIF sent an unexpected response', {
        provider: 'GLEIF',
        kind: 'unexpected-response',
        cause: parsed.error,
      });
    return parsed.data.data.map((r) => ({
      provider: this.id,
      id: r.attributes.lei,
      name: r.attributes.entity.legalName.name,
      otherNames: [...r.attributes.entity.otherNames, ...r.attributes.entity.transliteratedOtherNames].map(
        (n) => n.name,
      ),
      country: r.attributes.entity.legalAddress.country ?? undefined,
      registrationId: r.attributes.lei,
      status: r.attributes.entity.status ?? undefined,
    }));
  }

  async report(lei: string, signal: AbortSignal): Promise<ProviderReport> {
    const raw = await fetchJson(
      `${this.baseUrl.replace(/\/$/, '')}/lei-records/${encodeURIComponent(lei)}`,
      { signal },
      'GLEIF',
    );
    const parsed = oneSchema.safeParse(raw);
    if (!parsed.success)
      throw new ProviderError(`GLEIF has no record ${lei}`, { provider: 'GLEIF', kind: 'not-found' });
    const a = parsed.data.data.attributes;
    const e = a.entity;
    const addr = [...(e.legalAddress.addressLines ?? []), e.legalAddress.city].filter(Boolean).join(', ');
    return {
      provider: this.id,
      source: 'GLEIF (Global Legal Entity Identifier Foundation)',
      sourceUrl: `https://search.gleif.org/#/record/${a.lei}`,
      asOf: (a.registration.lastUpdateDate ?? new Date().toISOString()).slice(0, 10),
      legalName: e.legalName.name,
      otherNames: [...e.otherNames, ...e.transliteratedOtherNames].map((n) => n.name),
      country: e.legalAddress.country ?? undefined,
      address: addr || undefined,
      status: e.status ?? undefined,
      registeredOn: e.creationDate?.slice(0, 10) ?? undefined,
      registrationIds: [
        { type: 'LEI', value: a.lei },
        ...(e.registeredAs ? [{ type: e.registeredAt?.id ?? 'registry', value: e.registeredAs }] : []),
      ],
    };
  }
}
