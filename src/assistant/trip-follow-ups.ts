// Follow-ups on a trip, read without a model: one that asks a rule of a trip after a question on the rule,
// one that asks only the cost or time of a trip the question before named, and one that names only places
// on the way of the trip before.
import { namesIncoterms } from '../domain/incoterms.js';
import { cargoAsked } from './cargo-asked.js';
import type { Intent } from './intent.js';
import { modesAsked, modesNamed } from './modes-asked.js';
import { placeRole } from './place-role.js';
import type { PlaceRef } from './place-ref.js';
import { CARGO_INSURANCE, GOODS_RULE, NOT_A_TRIP, TIME_OR_COST, TRIP_TIME_OR_COST } from './route-intent.js';
import { tripClause } from './trip-clause.js';

/** A follow-up that names a trip after a question on an Incoterms rule or on the goods' rules asks the same
 * of that trip ("Is FOB fine for our sea shipment…?" → "and for a rail container to almaty?" was planned
 * as a route): the documents answer it, unless it asks the trip's time or cost. */
export function followsRuleQuestion(question: string, previous: string): boolean {
  return (
    (namesIncoterms(previous) ||
      ((GOODS_RULE.test(previous) || CARGO_INSURANCE.test(previous) || NOT_A_TRIP.test(previous)) &&
        !TRIP_TIME_OR_COST.test(previous))) &&
    !TIME_OR_COST.test(question)
  );
}

/** A follow-up that asks only a trip's cost or time ("and the cost for a 40ft?", "а сколько стоит?", "那运费呢？"). */
const TRIP_FIGURE =
  /\bcost\b|\bprice\b|\brates?\b|\bfreight\b|how\s+much|how\s+long|сколько\s+стоит|стоимост|цен[аыу]\b|ставк|фрахт|сколько\s+(?:дней|идет|идёт)|运费|多少钱|价格|报价|费用|多久|几天/iu;

/**
 * The trip a question named, though it asked the documents ("how many trains did the zone run in 2025, and how
 * many days does a container train from there to moscow take?"), when its follow-up asks only that trip's cost
 * or time: "and the cost for a 40ft?" was answered from a note on sea freight to Novorossiysk (trial 19 t19-17).
 */
export function tripFollowedUp(
  question: string,
  previous: string,
  places: readonly PlaceRef[],
): Extract<Intent, { kind: 'route' }> | undefined {
  if (!TRIP_FIGURE.test(question) || GOODS_RULE.test(question) || NOT_A_TRIP.test(question)) return undefined;
  if (CARGO_INSURANCE.test(question) || question.length > 80) return undefined;
  const trip = tripClause(previous, places, []);
  if (!trip) return undefined;
  const cargo = cargoAsked(question);
  return Object.keys(cargo).length ? { ...trip, cargo } : trip;
}

/**
 * A follow-up that names only places on the way ("and by truck? we could rail it to kashgar first and truck via
 * irkeshtam" after a trip to Tashkent): the trip's end stays, and the new way runs from the first of them, by the
 * modes named after it (trial 19b t19b-13 planned Kashgar → Irkeshtam; the data has no Qingdao → Kashgar rail time
 * to plan the whole trip by). A crossing named first is gone through on the trip as it was.
 */
export function onwardFollowUp(
  question: string,
  before: Extract<Intent, { kind: 'route' }>,
  places: readonly PlaceRef[],
): Extract<Intent, { kind: 'route' }> | undefined {
  if (places.some((p) => p.id === before.to)) return undefined;
  const named = places.filter((p) => p.id !== before.from);
  const start = named[0];
  if (!start || named.some((p) => p.kind !== 'border-crossing' && placeRole(question, p) !== 'via')) return undefined;
  if (start.kind === 'border-crossing')
    return { ...modesAsked(question), kind: 'route', from: before.from, to: before.to, via: start.id };
  const onward = question.slice(start.at + start.text.length);
  const through = named.find((p) => p.id !== start.id);
  return {
    ...modesAsked(modesNamed(onward).length ? onward : question),
    kind: 'route',
    from: start.id,
    to: before.to,
    ...(through ? { via: through.id } : {}),
  };
}
