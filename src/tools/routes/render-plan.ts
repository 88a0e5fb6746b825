// A route plan as text in the user's language. The summary is what a person reads first: one line
// per option (mode, days, cost with its year, CO₂) with place names in their language, then each
// caveat once. The details give each option's legs, crossings, documents and Incoterms. Two
// through services of one mode between the same places (two air services reported at 3–5 and
// 7–10 days) are one option with the range of both.
import { CROSSING_PLACES, caveatText, daysText, documentText, routeText } from '../../i18n/route-texts.js';
import type { Lang } from '../../domain/lang.js';
import { isUndercut, type RoutePlan } from './plan-routes.js';
import type { CaveatLeg } from '../../domain/route-caveat.js';

type Option = RoutePlan['options'][number];
type Caveat = Option['caveats'][number];
type LegsCaveat = Extract<Caveat, { code: 'no-cost' | 'no-co2' }>;

const range = (r: { min: number; max: number }) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);
const MODE_ICON: Record<string, string> = { rail: '🚆', sea: '🚢', road: '🚚', air: '✈️' };
const PICK_ORDER = [
  'fastest',
  'cheapest',
  'greenest',
  'balanced',
  'direct',
  'best-rail',
  'best-sea',
  'best-road',
  'best-air',
];

/** The picks that compare options: said of the only option there is, "fastest, cheapest" compares it with
 * nothing (trial 17 t17-34: 200 kg by air, the one route "cheapest"). What the option is ("through service",
 * "best by sea") stays. */
const COMPARING: ReadonlySet<string> = new Set(['fastest', 'cheapest', 'greenest', 'balanced']);
function picksOf(o: Option, alone: boolean): Option['picks'] {
  return alone ? o.picks.filter((p) => !COMPARING.has(p)) : o.picks;
}

/** A place's name without its explanation in brackets ("Циндао (Цзяочжоу, …)" → "Циндао"). */
export function shortName(name: string): string {
  return name.replace(/\s*[（(].*$/, '').trim();
}

/** The mode a route mostly travels by (the one with the most days on it). */
export function mainMode(option: Option): string {
  const days = new Map<string, number>();
  for (const leg of option.legs) days.set(leg.mode, (days.get(leg.mode) ?? 0) + leg.days.max);
  return [...days].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'rail';
}

const union = (a: { min: number; max: number }, b: { min: number; max: number }) => ({
  min: Math.min(a.min, b.min),
  max: Math.max(a.max, b.max),
});

/** Options in the order a person compares them (most picks first), through services of one mode merged.
 * Sea services between the same ports are routings, not reports of one service (the Northern Sea Route's
 * 21–28 summer days, Suez 35–60, the Cape 45–75): merged, they read "21–75 days" (trial 9). */
export function displayOptions(plan: RoutePlan, maxOptions = 4): Option[] {
  const merged: Option[] = [];
  for (const o of [...plan.options].sort((a, b) => b.picks.length - a.picks.length)) {
    const single = o.legs.length === 1 && o.legs[0]!.mode !== 'sea' ? o.legs[0]! : undefined;
    const twin = single
      ? merged.find(
          (m) =>
            m.legs.length === 1 &&
            m.legs[0]!.mode === single.mode &&
            m.legs[0]!.fromId === single.fromId &&
            m.legs[0]!.toId === single.toId,
        )
      : undefined;
    if (!twin) {
      merged.push({ ...o, picks: [...o.picks], caveats: [...o.caveats] });
      continue;
    }
    twin.days = union(twin.days, o.days);
    twin.legs = [{ ...twin.legs[0]!, days: union(twin.legs[0]!.days, o.legs[0]!.days) }];
    twin.picks = [...new Set([...twin.picks, ...o.picks])];
    if (twin.cost && o.cost && twin.cost.currency === o.cost.currency)
      twin.cost = {
        ...union(twin.cost, o.cost),
        currency: twin.cost.currency,
        years: [...new Set([...twin.cost.years, ...o.cost.years])].sort(),
        estimated: twin.cost.estimated || o.cost.estimated,
        ...(twin.cost.bases || o.cost.bases ? { bases: [...(twin.cost.bases ?? []), ...(o.cost.bases ?? [])] } : {}),
      };
    // A figure one of the merged services has is the option's, whichever of them came first: the direct air service's
    // 6,300 km gave the merged "air 3–10 days" no CO₂ when the hub service without a distance ranked first (t29-22).
    if (o.co2T) twin.co2T = twin.co2T ? union(twin.co2T, o.co2T) : o.co2T;
    if (!twin.cost && o.cost) twin.cost = o.cost;
    twin.caveats.push(...o.caveats);
  }
  for (const m of merged) m.picks.sort((a, b) => PICK_ORDER.indexOf(a) - PICK_ORDER.indexOf(b));
  const shown = merged.slice(0, maxOptions);
  // Two services of one mode merged are one option: "cheapest" of the only option shown with a cost, or "lowest
  // emissions" of the only one with a CO₂ figure, compares it with nothing (trial 29 t29-22: "air (fastest, cheapest)"
  // above rail with no cost figure, the two air services having been counted as two priced options).
  const priced = shown.filter((o) => o.cost).length;
  const measured = shown.filter((o) => o.co2T).length;
  for (const o of shown)
    o.picks = o.picks.filter((p) => !(p === 'cheapest' && priced < 2) && !(p === 'greenest' && measured < 2));
  return shown;
}

function placeName(plan: RoutePlan, id: string, fallback: string, lang: Lang): string {
  return shortName(plan.places[id]?.[lang] ?? fallback);
}

function costText(o: Option, lang: Lang): string {
  return o.cost
    ? `${range(o.cost)} ${o.cost.currency} (${o.cost.years.join(', ')}${o.cost.estimated ? `, ${routeText(lang, 'estimated')}` : ''}${basisText(o, lang)})`
    : routeText(lang, 'noCost');
}

/** "; rate from Shanghai": a figure measured for another origin or scope says so beside itself. */
function basisText(o: Option, lang: Lang): string {
  const bases = [...new Set((o.cost?.bases ?? []).map((b) => b[lang]))];
  return bases.length ? `; ${bases.join('; ')}` : '';
}

/** An option's border crossings in the reader's language ("Alashankou–Dostyk or Khorgos–Altynkol"). */
function crossingTexts(o: Option, localise: (text: string) => string, lang: Lang): string[] {
  return o.crossings.map((c) =>
    localise(c)
      .split(' or ')
      .join(` ${routeText(lang, 'or')} `),
  );
}

/** A sea route goes "via" its canal or cape; a land route's crossings are border posts. */
const crossingsLabel = (o: Option): 'via' | 'crossings' =>
  o.legs.every((l) => l.mode === 'sea') ? 'via' : 'crossings';

/** Caveats and crossings name places in English; the reader gets their own language. */
function localiser(plan: RoutePlan, lang: Lang): (text: string) => string {
  const names = [...Object.values(plan.places), ...CROSSING_PLACES].sort((a, b) => b.en.length - a.en.length);
  return (text) => names.reduce((t, n) => t.split(n.en).join(shortName(n[lang])), text);
}

/** Every caveat of the shown options, each once, in the user's language (place names too). */
export function planCaveats(plan: RoutePlan, lang: Lang, maxOptions = 4): string[] {
  const localise = localiser(plan, lang);
  const shown = displayOptions(plan, maxOptions);
  // The legs without a cost figure, one line for all the options: "no cost for Qingdao–Almaty" and
  // "no cost for Qingdao–Alashankou, Alashankou–Dostyk, …" read as two different problems.
  const caveats: Caveat[] = [];
  // "no CO₂ total" under a CO₂ figure: a service merged into the option lacked a distance, the option has one
  // (and the same for a cost: "no cost figure for Qingdao–Moscow (air)" beside the air option's own figure).
  for (const [o, c] of shown.flatMap((o) => o.caveats.map((c) => [o, c] as const))) {
    if ((c.code === 'no-co2' && o.co2T) || (c.code === 'no-cost' && o.cost)) continue;
    if (c.code !== 'no-cost' && c.code !== 'no-co2') {
      caveats.push(c);
      continue;
    }
    // One line per kind, and per container for costs.
    const same = caveats.find(
      (x): x is LegsCaveat =>
        (x.code === 'no-co2' && c.code === 'no-co2') ||
        (x.code === 'no-cost' && c.code === 'no-cost' && x.container === c.container),
    );
    const key = (l: CaveatLeg) => `${l.places} ${l.mode} ${l.crossing ?? ''}`;
    if (same) same.legs.push(...c.legs.filter((l) => !same.legs.some((x) => key(x) === key(l))));
    else caveats.push({ ...c, legs: [...c.legs] });
  }
  // None of the options has the figure: which legs lack it says nothing the option lines do not (the Almaty
  // warning listed four legs).
  const none = (c: Caveat) =>
    (c.code === 'no-cost' && shown.every((o) => !o.cost)) || (c.code === 'no-co2' && shown.every((o) => !o.co2T));
  const texts = caveats.map((c) => localise(caveatText(none(c) ? { ...(c as LegsCaveat), legs: [] } : c, lang)));
  // "Fewer than two routes have a cost, so none is named the cheapest" says nothing more when none has one.
  // …nor, with one option, that none is named the cheapest or the greenest: there is nothing to compare.
  const notes = plan.notes
    .filter((n) =>
      n === 'noCheapest'
        ? shown.length > 1 && shown.some((o) => o.cost)
        : n === 'noGreenest'
          ? shown.length > 1 && shown.some((o) => o.co2T)
          : true,
    )
    .map((n) => routeText(lang, n === 'noRoute' ? 'noRouteNote' : n));
  return [...new Set([...texts, ...notes])];
}

/**
 * " (legs added up, no terminal time)" for a time summed over separate legs: beside a reported service,
 * and also where none is reported — sea to Vladivostok + rail to Minsk read "10–12 days" with nothing
 * saying the port's transfer was left out (Vladivostok's wait for rail reached 14 days in Nov 2022).
 */
function legsOnlyText(o: RoutePlan['options'][number], lang: Lang): string {
  return o.legs.length > 1 || o.caveats.some((c) => c.code === 'composed') ? ` (${routeText(lang, 'legsOnly')})` : '';
}

/**
 * An option's days as a person should read them. Legs added up to less than the through service to a
 * place on the way takes are not the trip's time: Qingdao → Minsk read "9–10 days" while the train to
 * Moscow alone takes 15–18 (trial 5); the trip then takes at least what that part takes.
 */
function optionDays(o: Option, lang: Lang): string {
  const part = o.caveats.find(
    (c): c is Extract<Caveat, { code: 'composed' }> => c.code === 'composed' && Boolean(c.partTo) && o.days.min < c.min,
  );
  if (!part?.partTo) return `${daysText(lang, o.days)}${legsOnlyText(o, lang)}`;
  const alone = routeText(lang, 'partAlone').replace('{place}', shortName(part.partTo[lang]));
  return `${routeText(lang, 'atLeast')} ${daysText(lang, { min: part.min, max: part.min })} (${alone}: ${daysText(lang, part)})`;
}

/** " (via Khorgos)" when the trip was asked through a place. */
function viaText(plan: RoutePlan, lang: Lang): string {
  return plan.via ? ` (${routeText(lang, 'via')} ${shortName(plan.via.names[lang])})` : '';
}

/**
 * The plan in a few lines: places in the user's language, then one line per option — mode, days,
 * cost with its year, CO₂. Used as the direct answer of a route question and as the first message.
 */
export function renderPlanSummary(plan: RoutePlan, lang: Lang, maxOptions = 4): string {
  const head = `${shortName(plan.from.names[lang])} → ${shortName(plan.to.names[lang])}${viaText(plan, lang)}`;
  if (plan.options.length === 0)
    return `${head}: ${routeText(lang, plan.notes.includes('samePlace') ? 'samePlace' : 'noRoute')}`;
  // A sum of legs shorter than the through service reported for the trip is an estimate nobody has
  // reported: it stays in the plan with its caveat, not among the lines a person reads as the answer
  // (a tester read "7–8 days (legs added up)" under "16 days" as a faster train) — unless it is all
  // there is, as for a trip asked through a place the through service does not pass.
  const shown = displayOptions(plan, maxOptions);
  const localise = localiser(plan, lang);
  const reported = shown.filter((o) => !isUndercut(o));
  const listed = listedOf(shown);
  const lines = listed.map((o) => {
    const modes = labelModes(o);
    const icons = modes.map((m) => MODE_ICON[m] ?? '•').join('');
    const names = modes.map((m) => routeText(lang, m as 'rail')).join(' + ');
    const picks = picksOf(o, listed.length === 1)
      .map((p) => routeText(lang, p))
      .join(', ');
    const co2 = o.co2T ? ` · ${routeText(lang, 'co2')} ${range(o.co2T)} t` : '';
    // The border crossing is what a Central Asian trip turns on ("走哪个口岸出境" got the summary without it,
    // trial 6); the plan below gives the rest of each option's details.
    const crossings = crossingTexts(o, localise, lang);
    // Where a trip changes mode ("море + ж/д" through Vladivostok) is where it goes: said when no crossing
    // names it already.
    const transfers = o.legs
      .slice(1)
      .filter((l, i) => l.mode !== o.legs[i]!.mode)
      .map((l) => shortName(plan.places[l.fromId]?.[lang] ?? l.from))
      .filter((name) => !crossings.some((c) => c.includes(name)));
    const via = crossings.length
      ? ` · ${routeText(lang, crossingsLabel(o))}: ${crossings.join(', ')}`
      : transfers.length
        ? ` · ${routeText(lang, 'via')} ${transfers.join(', ')}`
        : '';
    // A time added up from separate legs beside a reported through service says so on its own line:
    // read alone, "7–8 days" beside "16 days" looks like a faster train that nobody has run.
    return `${icons} ${names}${picks ? ` (${picks})` : ''}: ${optionDays(o, lang)} · ${costText(o, lang)}${co2}${via}`;
  });
  // When every option is such a sum, what the through service takes — for the trip, for a part of it,
  // or from elsewhere in the origin's country — is said right under them.
  const yardsticks = reported.length
    ? []
    : shown.flatMap((o) => o.caveats).filter((c) => c.code === 'composed' || c.code === 'benchmark');
  // A through service shown for a trip asked through a place it may not pass says so where it is read.
  const unstated = listed.flatMap((o) => o.caveats).filter((c) => c.code === 'crossing-not-stated');
  return [
    `${head}:`,
    ...lines,
    ...[...new Set([...unstated, ...yardsticks].map((c) => `⚠ ${caveatText(c, lang)}`))],
  ].join('\n');
}

/** The options the summary has a line for, in its order (the map draws these, numbered alike). A mode no
 * reported option travels by keeps its line, its days read "at least …" (optionDays): asked "rail vs sea …
 * to Minsk", the summary showed the sea option alone (trial 6). */
export function summaryOptions(plan: RoutePlan, maxOptions = 4): Option[] {
  return listedOf(displayOptions(plan, maxOptions));
}

/** Of the displayed options, those the summary has a line for. */
function listedOf(shown: readonly Option[]): Option[] {
  const reported = shown.filter((o) => !isUndercut(o));
  const otherModes = shown.filter(
    (o) => isUndercut(o) && !reported.some((r) => labelModes(r).join() === labelModes(o).join()),
  );
  return reported.length ? [...reported, ...otherModes.slice(0, 1)] : [...shown];
}

/** The modes an option is labelled by. Sea to Vladivostok, then rail to Moscow, reads "sea + rail", in
 * the order travelled, whatever its pick says: "🚢 sea (best by sea): 10–12 days" to Moscow read as a ship
 * to Moscow. */
export function labelModes(o: Option): string[] {
  const travelled = [...new Set(o.legs.map((l) => l.mode))];
  return travelled.length < 2 ? [mainMode(o)] : travelled;
}

/** The summary and each caveat once, cut to `maxChars` (a chat's first message). */
export function renderPlanBrief(plan: RoutePlan, lang: Lang, maxChars = 900): string {
  const summary = renderPlanSummary(plan, lang);
  const out = [summary];
  let used = summary.length;
  for (const c of planCaveats(plan, lang)) {
    const line = `⚠ ${c}`;
    if (summary.includes(line)) continue;
    if (used + line.length + 1 > maxChars - 2) {
      out.push('…');
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join('\n');
}

/** Each option's legs, crossings, documents, Incoterms and the date of its figures; caveats once at the end. */
export function renderPlan(plan: RoutePlan, lang: Lang, maxOptions = 4): string {
  const head = `${placeName(plan, plan.from.id, plan.from.name, lang)} → ${placeName(plan, plan.to.id, plan.to.name, lang)}${viaText(plan, lang)}`;
  if (plan.options.length === 0)
    return `${head}: ${routeText(lang, plan.notes.includes('samePlace') ? 'samePlace' : 'noRoute')}`;
  const localise = localiser(plan, lang);
  const displayed = displayOptions(plan, maxOptions);
  const blocks = displayed.map((o, i) => {
    const picks = picksOf(o, displayed.length === 1)
      .map((p) => routeText(lang, p))
      .join(', ');
    const path = o.legs
      .map(
        (l, j) =>
          `${j === 0 ? placeName(plan, l.fromId, l.from, lang) : ''} —${routeText(lang, l.mode)}→ ${placeName(plan, l.toId, l.to, lang)}`,
      )
      .join('');
    const co2 = o.co2T ? ` · ${routeText(lang, 'co2')} ${range(o.co2T)} t` : '';
    const docs = [...new Set(o.legs.map((l) => documentText(lang, l.document)))].join('; ');
    const crossings = crossingTexts(o, localise, lang);
    return [
      `${i + 1}. ${picks ? `[${picks}] ` : ''}${path}`,
      // "стоимость нет данных о стоимости" read as a stammer: a missing cost says so alone.
      // A time added up from legs says so where it is read, not only in a caveat at the end.
      `   ${daysText(lang, o.days)}${legsOnlyText(o, lang)} · ${o.cost ? `${routeText(lang, 'cost')} ` : ''}${costText(o, lang)}${co2}`,
      ...(crossings.length ? [`   ${routeText(lang, crossingsLabel(o))}: ${crossings.join(', ')}`] : []),
      `   ${routeText(lang, 'documents')}: ${docs}`,
      `   ${routeText(lang, 'incoterms')}: ${o.incoterms.join(', ')}`,
      `   ${routeText(lang, 'figures')} ${o.asOf.oldest === o.asOf.newest ? o.asOf.newest : `${o.asOf.oldest} … ${o.asOf.newest}`}`,
    ].join('\n');
  });
  const caveats = planCaveats(plan, lang, maxOptions).map((c) => `⚠ ${c}`);
  return [`${routeText(lang, 'title')}: ${head}`, ...blocks, ...(caveats.length ? [caveats.join('\n')] : [])].join(
    '\n\n',
  );
}
