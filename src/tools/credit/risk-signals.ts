// The risk signals of a credit report, each with its source: a sanctions match (shown first), a
// status other than active, a registration less than a year old, another country than the one asked.
import type { CreditReport, ProviderReport, RiskSignal } from './types.js';

export function riskSignals(
  reports: ProviderReport[],
  sanctions: CreditReport['sanctions'],
  askedCountry: string | undefined,
  now: Date,
): RiskSignal[] {
  const out: RiskSignal[] = [];
  for (const m of sanctions?.matches ?? [])
    out.push({
      kind: 'sanctions-match',
      detail: `${m.name} (score ${m.score}; ${m.datasets.join(', ')})`,
      source: sanctions!.source,
    });
  for (const r of reports) {
    if (r.status && !/^(active|issued|lapsed)$/i.test(r.status))
      out.push({ kind: 'inactive-status', detail: r.status, source: r.source });
    if (r.registeredOn && now.getTime() - Date.parse(r.registeredOn) < 365 * 86_400_000)
      out.push({ kind: 'recent-registration', detail: r.registeredOn, source: r.source });
    if (askedCountry && r.country && r.country !== askedCountry)
      out.push({ kind: 'country-mismatch', detail: `${r.country} ≠ ${askedCountry}`, source: r.source });
  }
  return out;
}
