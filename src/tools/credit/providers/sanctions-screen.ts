// Screening through an OpenSanctions-compatible /match API (yente, self-hostable): the name and
// country as a Company query; matches come back with their score and datasets.
import { z } from 'zod';
import type { SanctionsMatch, SanctionsScreen } from '../types.js';
import { fetchJson, ProviderError } from './fetch-json.js';

const responseSchema = z.object({
  responses: z.record(
    z.string(),
    z.object({
      results: z.array(
        z.object({
          id: z.string(),
          caption: z.string(),
          schema: z.string().optional(),
          score: z.number(),
          match: z.boolean().optional(),
          datasets: z.array(z.string()).default([]),
          properties: z.record(z.string(), z.array(z.unknown())).default({}),
        }),
      ),
    }),
  ),
});

export class OpenSanctionsScreen implements SanctionsScreen {
  readonly id = 'sanctions';
  constructor(
    private readonly opts: { baseUrl: string; apiKey?: string | undefined; dataset?: string; threshold?: number },
  ) {}

  async screen(name: string, country: string | undefined, signal: AbortSignal) {
    const url = `${this.opts.baseUrl.replace(/\/$/, '')}/match/${this.opts.dataset ?? 'default'}`;
    const body = {
      queries: {
        q: {
          schema: 'Company',
          properties: { name: [name], ...(country ? { country: [country.toLowerCase()] } : {}) },
        },
      },
    };
    const raw = await fetchJson(
      url,
      {
        method: 'POST',
        signal,
        body: JSON.stringify(body),
        headers: {
          'content-type': 'application/json',
          ...(this.opts.apiKey ? { authorization: `ApiKey ${this.opts.apiKey}` } : {}),
        },
      },
      'the sanctions screening service',
    );
    const parsed = responseSchema.safeParse(raw);
    if (!parsed.success)
      throw new ProviderError('the sanctions screening service sent an unexpected response', {
        provider: 'sanctions screening',
        kind: 'unexpected-response',
        cause: parsed.error,
      });
    const threshold = this.opts.threshold ?? 0.7;
    const matches: SanctionsMatch[] = (parsed.data.responses.q?.results ?? [])
      .filter((r) => r.score >= threshold)
      .map((r) => ({
        id: r.id,
        name: r.caption,
        score: Math.round(r.score * 100) / 100,
        datasets: r.datasets,
        schema: r.schema,
        countries: (r.properties.country ?? []).map(String),
      }));
    return { matches, asOf: new Date().toISOString().slice(0, 10), source: 'OpenSanctions-compatible screening' };
  }
}
