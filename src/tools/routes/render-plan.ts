// A route plan as text in the user's language: the named picks first, each with its legs, totals
// as ranges with their years, crossings, documents, Incoterms and caveats.
import { caveatText, rt } from '../../i18n/route-texts.js';
import type { Lang } from '../../domain/lang.js';
import type { RoutePlan } from './plan-routes.js';

const range = (r: { min: number; max: number }) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);

export function renderPlan(plan: RoutePlan, lang: Lang, maxOptions = 4): string {
  if (plan.options.length === 0) return `${plan.from.name} → ${plan.to.name}: ${rt(lang, 'noRoute')}`;
  const shown = [...plan.options].sort((a, b) => b.picks.length - a.picks.length).slice(0, maxOptions);
  const blocks = shown.map((o, i) => {
    const picks = o.picks.map((p) => rt(lang, p)).join(', ');
    const path = o.legs.map((l, j) => `${j === 0 ? l.from : ''} —${rt(lang, l.mode)}→ ${l.to}`).join('');
    const cost = o.cost
      ? `${rt(lang, 'cost')} ${range(o.cost)} ${o.cost.currency} (${o.cost.years.join(', ')}${o.cost.estimated ? `, ${rt(lang, 'estimated')}` : ''})`
      : rt(lang, 'noCost');
    const co2 = o.co2T ? `${rt(lang, 'co2')} ${range(o.co2T)} t` : '';
    const docs = [...new Set(o.legs.map((l) => l.document))].join('; ');
    return [
      `${i + 1}. ${picks ? `[${picks}] ` : ''}${path}`,
      `   ${range(o.days)} ${rt(lang, 'days')} · ${cost}${co2 ? ` · ${co2}` : ''}`,
      ...(o.crossings.length ? [`   ${rt(lang, 'crossings')}: ${o.crossings.join(', ')}`] : []),
      `   ${rt(lang, 'documents')}: ${docs}`,
      `   ${rt(lang, 'incoterms')}: ${o.incoterms.join(', ')}`,
      `   ${rt(lang, 'figures')} ${o.asOf.oldest === o.asOf.newest ? o.asOf.newest : `${o.asOf.oldest} … ${o.asOf.newest}`}`,
      ...o.caveats.map((c) => `   ⚠ ${caveatText(c, lang)}`),
    ].join('\n');
  });
  return [
    `${rt(lang, 'title')}: ${plan.from.name} → ${plan.to.name}`,
    ...blocks,
    ...plan.notes.map((n) => `⚠ ${rt(lang, n === 'noRoute' ? 'noRouteNote' : n)}`),
  ].join('\n\n');
}
