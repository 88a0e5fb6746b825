// Company lookups across providers: search everywhere (cached), let the user choose among several,
// then merge the providers' reports with sanctions screening into risk signals. Each lookup is
// logged for audit. Nothing is derived: a rating appears only when a provider gave one.
import { ProviderError, type ProviderErrorKind } from './providers/fetch-json.js';
import type { Db } from '../../store/db.js';
import { nameKey, nameSimilarity } from './normalize-name.js';
import { riskSignals } from './risk-signals.js';
import type { CompanyCandidate, CreditProvider, CreditReport, ProviderReport, SanctionsScreen } from './types.js';

export { riskSignals };

export interface CreditServiceOptions {
  db: Db;
  providers: CreditProvider[];
  sanctions?: SanctionsScreen | undefined;
  timeoutMs: number;
  cacheTtlHours: number;
  now?: () => Date;
}

export interface SearchOutcome {
  lookupId: number;
  candidates: CompanyCandidate[];
  missing: MissingProvider[];
}

export class CreditService {
  constructor(private readonly o: CreditServiceOptions) {}

  /** The sources that find companies by name (sanctions lists screen a company, they do not find one). */
  get finders(): string[] {
    return this.o.providers.map((p) => p.id);
  }

  /** No company found because no source answered, not because none knows it. */
  allDown(found: SearchOutcome): boolean {
    return found.missing.length > 0 && found.missing.length >= this.finders.length;
  }

  private now(): Date {
    return this.o.now?.() ?? new Date();
  }

  async search(name: string, country: string | undefined, askedBy: string): Promise<SearchOutcome> {
    const missing: SearchOutcome['missing'] = [];
    const results = await Promise.all(
      this.o.providers.map(async (p) => {
        try {
          return await this.cached(p.id, 'search', `${nameKey(name)}|${country ?? ''}`, () =>
            p.search(name, country, AbortSignal.timeout(this.o.timeoutMs)),
          );
        } catch (err) {
          missing.push(missingProvider(p.id, err));
          return [] as CompanyCandidate[];
        }
      }),
    );
    // One entry per company: the same normalised name and country from two providers is one choice.
    const seen = new Set<string>();
    const candidates = results
      .flat()
      .sort((a, b) => bestSimilarity(name, b) - bestSimilarity(name, a))
      .filter((c) => {
        const k = `${nameKey(c.name)}|${c.country ?? ''}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .slice(0, 8);
    const r = await this.o.db.query<{ id: string }>(
      'INSERT INTO credit_lookups (asked_by, query, country, candidates, at) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id',
      [askedBy, name, country ?? null, JSON.stringify(candidates), this.now().toISOString()],
    );
    return { lookupId: Number(r.rows[0]!.id), candidates, missing };
  }

  async candidatesOf(
    lookupId: number,
  ): Promise<{ query: string; country: string | undefined; candidates: CompanyCandidate[] } | undefined> {
    const r = await this.o.db.query<{ query: string; country: string | null; candidates: CompanyCandidate[] | string }>(
      'SELECT query, country, candidates FROM credit_lookups WHERE id = $1',
      [lookupId],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    return {
      query: row.query,
      country: row.country ?? undefined,
      candidates: typeof row.candidates === 'string' ? JSON.parse(row.candidates) : row.candidates,
    };
  }

  /** The merged report for the candidate the user chose. */
  async report(lookupId: number, index: number): Promise<CreditReport | undefined> {
    const lookup = await this.candidatesOf(lookupId);
    const chosen = lookup?.candidates[index];
    if (!lookup || !chosen) return undefined;
    await this.o.db.query('UPDATE credit_lookups SET chosen = $2::jsonb WHERE id = $1', [
      lookupId,
      JSON.stringify(chosen),
    ]);
    const missing: CreditReport['missing'] = [];
    const reports: ProviderReport[] = [];
    await Promise.all(
      this.o.providers.map(async (p) => {
        try {
          // The chosen provider by id; the others by the same company's name, if they know it.
          let id = p.id === chosen.provider ? chosen.id : undefined;
          if (!id) {
            const hits = await this.cached(p.id, 'search', `${nameKey(chosen.name)}|${chosen.country ?? ''}`, () =>
              p.search(chosen.name, chosen.country, AbortSignal.timeout(this.o.timeoutMs)),
            );
            id = hits.find((h) => nameKey(h.name) === nameKey(chosen.name))?.id;
          }
          if (id)
            reports.push(
              await this.cached(p.id, 'report', id, () => p.report(id!, AbortSignal.timeout(this.o.timeoutMs))),
            );
        } catch (err) {
          missing.push(missingProvider(p.id, err));
        }
      }),
    );
    let sanctions: CreditReport['sanctions'];
    if (this.o.sanctions) {
      const s = this.o.sanctions;
      try {
        sanctions = await this.cached(s.id, 'sanctions', `${nameKey(chosen.name)}|${chosen.country ?? ''}`, () =>
          s.screen(chosen.name, chosen.country, AbortSignal.timeout(this.o.timeoutMs)),
        );
      } catch (err) {
        missing.push(missingProvider(s.id, err));
      }
    }
    reports.sort((a, b) => (a.provider === chosen.provider ? -1 : b.provider === chosen.provider ? 1 : 0));
    const registered = reports
      .map((r) => r.registeredOn)
      .filter((d): d is string => Boolean(d))
      .sort()[0];
    const now = this.now();
    const ageYears = registered
      ? Math.floor((now.getTime() - Date.parse(registered)) / (365.25 * 86_400_000))
      : undefined;
    return {
      query: { name: lookup.query, country: lookup.country },
      chosen,
      reports,
      sanctions,
      missing,
      ageYears,
      signals: riskSignals(reports, sanctions, lookup.country, now),
      generatedAt: now.toISOString(),
    };
  }

  private async cached<T>(provider: string, kind: string, key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = await this.o.db.query<{ payload: T | string }>(
      'SELECT payload FROM credit_cache WHERE provider = $1 AND kind = $2 AND key = $3 AND expires_at > $4',
      [provider, kind, key, now.toISOString()],
    );
    if (hit.rows[0]) {
      const p = hit.rows[0].payload;
      return (typeof p === 'string' ? JSON.parse(p) : p) as T;
    }
    const value = await load();
    await this.o.db.query(
      `INSERT INTO credit_cache (provider, kind, key, payload, fetched_at, expires_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
       ON CONFLICT (provider, kind, key) DO UPDATE SET payload = EXCLUDED.payload, fetched_at = EXCLUDED.fetched_at, expires_at = EXCLUDED.expires_at`,
      [
        provider,
        kind,
        key,
        JSON.stringify(value),
        now.toISOString(),
        new Date(now.getTime() + this.o.cacheTtlHours * 3_600_000).toISOString(),
      ],
    );
    return value;
  }
}

/** How close the asked name is to any of a candidate's names (1: the same name in some script). */
export function bestSimilarity(asked: string, c: CompanyCandidate): number {
  return Math.max(...[c.name, ...(c.otherNames ?? [])].map((n) => nameSimilarity(asked, n)));
}

/** The candidates whose name, in any script, is exactly the asked name once normalised. */
export function exactMatches(asked: string, candidates: readonly CompanyCandidate[]): CompanyCandidate[] {
  const key = nameKey(asked).replace(/\s/g, '');
  if (!key) return [];
  return candidates.filter((c) => [c.name, ...(c.otherNames ?? [])].some((n) => nameKey(n).replace(/\s/g, '') === key));
}

/** A provider that did not answer: the reason in words for people, its kind for code (retry, alert). */
export interface MissingProvider {
  provider: string;
  reason: string;
  kind: ProviderErrorKind | 'error';
}

function missingProvider(provider: string, err: unknown): MissingProvider {
  return { provider, reason: (err as Error).message, kind: err instanceof ProviderError ? err.kind : 'error' };
}
