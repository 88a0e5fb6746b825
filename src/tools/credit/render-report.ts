// A credit report as plain text in the user's language: sanctions first, then identity, status,
// age and the provider's rating, each with its source and date; missing parts named.
import { ageText, ct, statusText } from '../../i18n/credit-texts.js';
import type { Lang } from '../../domain/lang.js';
import type { CompanyCandidate, CreditReport } from './types.js';

/** Numbered candidate lines; `numberOf` keeps each candidate's number in a longer list. */
export function renderCandidates(
  candidates: CompanyCandidate[],
  numberOf: (c: CompanyCandidate, i: number) => number = (_c, i) => i + 1,
): string[] {
  return candidates.map(
    (c, i) =>
      `${numberOf(c, i)}. ${c.name}${c.country ? ` (${c.country})` : ''}${c.registrationId ? ` · ${c.registrationId}` : ''} — ${c.provider}`,
  );
}

export function renderReport(r: CreditReport, lang: Lang): string {
  const lines: string[] = [];
  const head = r.reports[0];
  lines.push(`${ct(lang, 'title')}: ${head?.legalName ?? r.chosen.name}${head?.country ? ` (${head.country})` : ''}`);
  if (r.reports.some((x) => x.sample)) lines.push(`‼️ ${ct(lang, 'sample')}`);
  if (r.sanctions) {
    if (r.sanctions.matches.length) {
      lines.push(`${ct(lang, 'sanctions')} (${r.sanctions.source}, ${ct(lang, 'screened')} ${r.sanctions.asOf}):`);
      for (const m of r.sanctions.matches) lines.push(`  • ${m.name} — score ${m.score}; ${m.datasets.join(', ')}`);
      lines.push(ct(lang, 'legal'));
    } else
      lines.push(`${ct(lang, 'noSanctions')} (${r.sanctions.source}, ${ct(lang, 'screened')} ${r.sanctions.asOf})`);
  } else if (!r.missing.some((m) => m.provider === 'sanctions')) lines.push(ct(lang, 'notScreened'));
  // Identity, a sanctions hit, status and risk signals lead; each provider's details follow.
  const status = r.reports.find((x) => x.status)?.status;
  if (status) lines.push(`${ct(lang, 'status')}: ${statusText(lang, status)}`);
  const signals = r.signals.filter((s) => s.kind !== 'sanctions-match');
  if (signals.length) {
    const word = {
      'inactive-status': ct(lang, 'inactive'),
      'recent-registration': ct(lang, 'recent'),
      'country-mismatch': ct(lang, 'mismatch'),
    } as Record<string, string>;
    lines.push(
      `${ct(lang, 'signals')}: ${signals.map((s) => `${word[s.kind]} (${s.detail}; ${s.source})`).join('; ')}`,
    );
  }
  for (const rep of r.reports) {
    const src = `${ct(lang, 'source')}: ${rep.source}, ${ct(lang, 'asOf')} ${rep.asOf}${rep.sourceUrl ? ` ${rep.sourceUrl}` : ''}`;
    lines.push('', `— ${rep.legalName} [${src}]`);
    if (rep.status) lines.push(`  ${ct(lang, 'status')}: ${statusText(lang, rep.status)}`);
    if (rep.registeredOn) lines.push(`  ${ct(lang, 'registered')}: ${rep.registeredOn}`);
    if (rep.registrationIds.length)
      lines.push(`  ${ct(lang, 'ids')}: ${rep.registrationIds.map((i) => `${i.type} ${i.value}`).join(', ')}`);
    if (rep.address) lines.push(`  ${ct(lang, 'address')}: ${rep.address}`);
    if (rep.rating)
      lines.push(
        `  ${ct(lang, 'rating')}: ${rep.rating.value} (${rep.rating.scale}; ${ct(lang, 'asOf')} ${rep.rating.asOf})`,
      );
  }
  if (!r.reports.some((x) => x.rating)) lines.push('', ct(lang, 'noRating'));
  if (r.ageYears !== undefined) lines.splice(1, 0, `${ct(lang, 'ageLabel')}: ${ageText(lang, r.ageYears)}`);
  if (r.missing.length)
    lines.push('', `${ct(lang, 'missing')}: ${r.missing.map((m) => `${m.provider} (${m.reason})`).join('; ')}`);
  return lines.join('\n');
}
