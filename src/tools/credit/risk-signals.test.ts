import { describe, expect, it } from 'vitest';
import { riskSignals } from './risk-signals.js';
import type { ProviderReport } from './types.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const report = (over: Partial<ProviderReport> = {}): ProviderReport => ({
  provider: 'http',
  source: 'Zone credit service',
  asOf: '2026-10-31',
  legalName: 'Almaty Example Trade LLP',
  country: 'KZ',
  status: 'ACTIVE',
  registeredOn: '2018-03-04',
  registrationIds: [],
  ...over,
});
const screen = (names: string[]) => ({
  matches: names.map((name) => ({ id: name, name, score: 0.97, datasets: ['us_ofac_sdn', 'eu_fsf'] })),
  asOf: '2026-11-30',
  source: 'OpenSanctions',
});

describe('riskSignals', () => {
  it('finds nothing in an active company registered years ago in the country asked', () => {
    expect(riskSignals([report()], screen([]), 'KZ', NOW)).toEqual([]);
    expect(riskSignals([report()], undefined, undefined, NOW)).toEqual([]);
  });

  it('puts sanctions matches first, each with its score, lists and the screen as source', () => {
    expect(riskSignals([report({ status: 'INACTIVE' })], screen(['A', 'B']), 'KZ', NOW)).toEqual([
      { kind: 'sanctions-match', detail: 'A (score 0.97; us_ofac_sdn, eu_fsf)', source: 'OpenSanctions' },
      { kind: 'sanctions-match', detail: 'B (score 0.97; us_ofac_sdn, eu_fsf)', source: 'OpenSanctions' },
      { kind: 'inactive-status', detail: 'INACTIVE', source: 'Zone credit service' },
    ]);
  });

  it('counts active, issued and lapsed (any case) as live statuses; anything else is a signal', () => {
    for (const status of ['ACTIVE', 'active', 'Issued', 'LAPSED', undefined, ''])
      expect(riskSignals([report({ status })], undefined, 'KZ', NOW), String(status)).toEqual([]);
    for (const status of ['INACTIVE', 'RETIRED', 'liquidated', 'ACTIVE-ish', 'not active'])
      expect(riskSignals([report({ status })], undefined, 'KZ', NOW), status).toEqual([
        { kind: 'inactive-status', detail: status, source: 'Zone credit service' },
      ]);
  });

  it('flags a registration less than 365 days old, and not one of exactly 365 days', () => {
    expect(riskSignals([report({ registeredOn: '2026-06-01' })], undefined, 'KZ', NOW)).toEqual([
      { kind: 'recent-registration', detail: '2026-06-01', source: 'Zone credit service' },
    ]);
    expect(riskSignals([report({ registeredOn: '2025-12-02' })], undefined, 'KZ', NOW)).toHaveLength(1);
    expect(riskSignals([report({ registeredOn: '2025-12-01' })], undefined, 'KZ', NOW)).toEqual([]);
    expect(riskSignals([report({ registeredOn: undefined })], undefined, 'KZ', NOW)).toEqual([]);
  });

  it('flags another country than the one asked, per provider, only when both are known', () => {
    const gleif = report({ provider: 'gleif', source: 'GLEIF', country: 'UZ' });
    expect(riskSignals([report(), gleif], undefined, 'KZ', NOW)).toEqual([
      { kind: 'country-mismatch', detail: 'UZ ≠ KZ', source: 'GLEIF' },
    ]);
    expect(riskSignals([report({ country: undefined })], undefined, 'KZ', NOW)).toEqual([]);
    expect(riskSignals([gleif], undefined, undefined, NOW)).toEqual([]);
  });

  it('reports every signal of every provider, in provider order', () => {
    const young = report({
      provider: 'gleif',
      source: 'GLEIF',
      status: 'RETIRED',
      registeredOn: '2026-11-01',
      country: 'CN',
    });
    expect(riskSignals([report(), young], undefined, 'KZ', NOW).map((s) => `${s.kind}@${s.source}`)).toEqual([
      'inactive-status@GLEIF',
      'recent-registration@GLEIF',
      'country-mismatch@GLEIF',
    ]);
  });
});
