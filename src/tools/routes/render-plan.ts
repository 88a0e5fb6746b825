// A route plan as text in the user's language: the named picks first, each with its legs, totals
// as ranges with their years, crossings, documents, Incoterms and caveats.
import { caveatText, daysText, routeText } from '../../i18n/route-texts.js';
import type { Lang } from '../../domain/lang.js';
import type { RoutePlan } from './plan-routes.js';

const range = (r: { min: number; max: number }) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);

export function renderPlan(plan: RoutePlan, lang: Lang, maxOptions = 4): string {
  if (plan.options.length === 0) return `${plan.from.name} → ${plan.to.name}: ${routeText(lang, 'noRoute')}`;
  const shown = [...plan.options].sort((a, b) => b.picks.length - a.picks.length).slice(0, maxOptions);
  const blocks = shown.map((o, i) => {
    const picks = o.picks.map((p) => routeText(lang, p)).join(', ');
    const path = o.legs.map((l, j) => `${j === 0 ? l.from : ''} —${routeText(lang, l.mode)}→ ${l.to}`).join('');
    const cost = o.cost
      ? `${routeText(lang, 'cost')} ${range(o.cost)} ${o.cost.currency} (${o.cost.years.join(', ')}${o.cost.estimated ? `, ${routeText(lang, 'estimated')}` : ''})`
      : routeText(lang, 'noCost');
    const co2 = o.co2T ? `${routeText(lang, 'co2')} ${range(o.co2T)} t` : '';
    const docs = [...new Set(o.legs.map((l) => l.document))].join('; ');
    return [
      `${i + 1}. ${picks ? `[${picks}] ` : ''}${path}`,
      `   ${daysText(lang, o.days)} · ${cost}${co2 ? ` · ${co2}` : ''}`,
      ...(o.crossings.length ? [`   ${routeText(lang, 'crossings')}: ${o.crossings.join(', ')}`] : []),
      `   ${routeText(lang, 'documents')}: ${docs}`,
      `   ${routeText(lang, 'incoterms')}: ${o.incoterms.join(', ')}`,
      `   ${routeText(lang, 'figures')} ${o.asOf.oldest === o.asOf.newest ? o.asOf.newest : `${o.asOf.oldest} … ${o.asOf.newest}`}`,
      ...o.caveats.map((c) => `   ⚠ ${caveatText(c, lang)}`),
    ].join('\n');
  });
  return [
    `${routeText(lang, 'title')}: ${plan.from.name} → ${plan.to.name}`,
    ...blocks,
    ...plan.notes.map((n) => `⚠ ${routeText(lang, n === 'noRoute' ? 'noRouteNote' : n)}`),
  ].join('\n\n');
}
