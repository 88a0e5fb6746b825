// What a message asks to have done when no model reads it: its own request, or, for a short follow-up,
// the request before it carried on (the trip's places and modes, the company, the lawyer offered).
import { ASKS_SANCTIONS, DEFINITIONAL } from './credit-intent.js';
import { namesIncoterms, withoutPriceBasis } from '../domain/incoterms.js';
import { CARGO_INSURANCE, GOODS_RULE, NOT_A_TRIP, TIME_OR_COST } from './route-intent.js';
import { companyIn } from './company-names.js';
import { detectIntent } from './detect-intent.js';
import type { Intent } from './intent.js';
import { modesAsked } from './modes-asked.js';
import type { PlaceRef } from './place-ref.js';
import { placeRole } from './place-role.js';
import type { RetrievalPlan } from './retrieval-plan.js';
import { followsRuleQuestion, onwardFollowUp, tripFollowedUp } from './trip-follow-ups.js';

/**
 * What the message asks to have done, without a model. A short follow-up ("а сколько стоит?",
 * "can you check them?") is read together with the previous question for a route or a company.
 */
export function intentOf(
  question: string,
  plan: RetrievalPlan,
  findPlaces: ((text: string) => PlaceRef[]) | undefined,
): Intent {
  const places = (text: string) => findPlaces?.(text) ?? [];
  const own = detectIntent(question, places(question));
  if (!plan.previous) return own;
  const before = detectIntent(plan.previous, places(plan.previous));
  // "а до Бишкека?" after a trip from Urumqi: the origin the question does not name is the trip's, not the zone.
  // The modes asked before hold until the follow-up names its own ("поезд…" → "а до Ташкента?").
  const modes = before.kind === 'route' && before.modes ? { modes: before.modes } : {};
  if (own.kind === 'route' && before.kind === 'route') {
    const onward = onwardFollowUp(question, before, places(question));
    if (onward) return onward;
  }
  if (own.kind === 'route' && before.kind === 'route' && !places(question).some((p) => p.id === own.from))
    return own.to === before.from ? own : { ...modes, ...own, from: before.from };
  if (own.kind === 'route' && before.kind === 'none' && followsRuleQuestion(question, plan.previous))
    return { kind: 'none' };
  if (own.kind !== 'none') return own;
  if (before.kind === 'none') {
    const trip = tripFollowedUp(question, plan.previous, places(plan.previous));
    if (trip) return trip;
  }
  // "yes, escalate please" after a lawyer was offered: the same answer again (in Telegram and Slack
  // the offer's button does the escalating; the web console and the CLI say where a ticket is opened).
  if (before.kind === 'lawyer' && (ESCALATE.test(question) || (AGREES.test(question) && question.length <= 24)))
    return before;
  // "the Tashkent buyer insists on FOB Qingdao for this rail shipment, is that ok?" after a trip to Tashkent asks a rule of
  // the trip, not the trip again: the rail it names was planned once more (trial 31 t31-22).
  if (before.kind === 'route' && asksRuleOfTrip(question)) return own;
  if (before.kind === 'route') {
    // "а до Бишкека?" keeps the origin and changes the destination; "а из Алматы?" keeps the
    // destination; "а сколько стоит?" keeps both; "and via Khorgos?" and "а морем через Владивосток?"
    // go through the place; "what about by truck?" changes the mode.
    // "那走北极航线呢？" after a trip via Suez names the sea passage: the trip goes that way instead (trial 12).
    const asked = modesAsked(question);
    const mode = asked.modes?.length
      ? asked
      : { ...modes, ...(before.seaPassage ? { seaPassage: before.seaPassage } : {}) };
    const next = places(question).find((p) => p.id !== before.from && p.id !== before.to);
    // A land crossing is gone through by rail or road: "и какой переход лучше — Маньчжурия/Забайкальск…?" after sea and rail
    // via Vladivostok opened with "no sea options" (trial 31 t31-21).
    if (next?.kind === 'border-crossing' && !asked.modes?.length) {
      const land = (mode.modes ?? []).filter((m) => m === 'rail' || m === 'road');
      return { kind: 'route', from: before.from, to: before.to, via: next.id, ...(land.length ? { modes: land } : {}) };
    }
    if (next && (next.kind === 'border-crossing' || placeRole(question, next) === 'via'))
      return { kind: 'route', from: before.from, to: before.to, via: next.id, ...mode };
    if (next && placeRole(question, next) === 'from' && next.id !== before.to)
      return { kind: 'route', from: next.id, to: before.to, ...mode };
    if (next) return { kind: 'route', from: before.from, to: next.id, ...mode };
    return asked.modes?.length
      ? { kind: 'route', from: before.from, to: before.to, ...mode }
      : { ...before, again: true };
  }
  // "can you check them?" after a message that named the company.
  // Not a question on what something is ("что такое ИНН?" after a check by ИНН): that one the knowledge base answers.
  if (
    !DEFINITIONAL.test(question) &&
    (before.kind === 'credit' || (/провер|пробей|查|check|verify|vet/i.test(question) && companyIn(plan.previous)))
  ) {
    const company = before.kind === 'credit' ? before.company : companyIn(plan.previous)!;
    return {
      kind: 'credit',
      company,
      ...(ASKS_SANCTIONS.test(question) ? { aspect: 'sanctions' } : {}),
    };
  }
  return own;
}

/** A rule the trip is only the frame of (an Incoterms rule, a goods rule, insurance, the customs value and the other
 * subjects of NOT_A_TRIP), asked without its time or cost, and not beside another way the trip could go: "what about by
 * truck under DAP terms?", "а если грузовиком на условиях DAP?", "那汽运走DAP呢？" ask the trip by road (a review of trial 31's
 * change planned none). */
function asksRuleOfTrip(question: string): boolean {
  return (
    (namesIncoterms(question) ||
      GOODS_RULE.test(question) ||
      CARGO_INSURANCE.test(question) ||
      NOT_A_TRIP.test(question)) &&
    !TIME_OR_COST.test(withoutPriceBasis(question)) &&
    !(ANOTHER_WAY.test(question) && modesAsked(question).modes?.length)
  );
}

/** A follow-up that asks of an alternative: "and by sea…?", "what about…", "а если…", "那…呢？". */
const ANOTHER_WAY =
  /^\s*(?:and|what\s+about|how\s+about|what\s+if|а|и|а\s+если|а\s+что\s+если|тогда|那|那么|如果|要是)(?:\s|[，,]|$)|^\s*(?:那么?|如果|要是)(?=\p{Script=Han})|呢\s*[？?]?\s*$/iu;

// A short yes ("да, передайте", "好的"); a longer message that only starts with one asks something else.
const AGREES =
  /^\s*(?:yes|yeah|yep|ok(?:ay)?|sure|please|go ahead|да|ага|давай(?:те)?|конечно|хорошо|是的?|好的?|可以|要|行)(?:[\s,.!，。！]|$)/iu;
const ESCALATE = /escalat|hand (?:it )?over|передай|передать юрист|转交/iu;
