// What a place is in a trip a message asks about, from the words around it: where the goods come from,
// where they go, or a place on the way.
import type { PlaceRef } from './place-ref.js';

// Words that make a single place a destination ("до Алматы", "send to Almaty", "运到莫斯科").
const TO_CUE = /(?:^|[^\p{L}])(?:до|в|во|на|to|into|towards)\s*$|(?:到|至|去|往|运往|发往|运到|发到|发)\s*$/u;
const FROM_CUE = /(?:^|[^\p{L}])(?:из|с|со|от|from)\s*$|(?:从|自|由)\s*$/u;
// "через Хоргос", "via Khorgos", "经霍尔果斯": a waypoint, not where the goods end up.
// A first stop on the way: "走海铁（先到海参崴）" goes to Moscow through Vladivostok (trial 8 took the port
// for the destination); "сначала морем до Владивостока", "first by sea to Vladivostok".
const FIRST_STOP_CUE =
  /(?:先到|先运到|先发到|先走|途经|经过|取道)\s*$|(?:^|[^\p{L}])(?:сначала|first)\s+(?:\S+\s+){0,2}(?:до|в|во|to)\s*$/u;
const GOES_ON =
  /^\p{L}{0,3}\s*(?:\+|,?\s*(?:then|and\s+then|(?:и\s+)?(?:потом|затем|дальше|далее))(?!\p{L})|[，,]?\s*(?:再|转|然后)|first(?!\p{L})|сначала(?!\p{L}))/u;
export const COMPARES =
  /\bvs\.?(?!\w)|\bversus\b|\bcompar|сравн|(?<!\p{L})или(?!\p{L})|还是|比较|对比|哪个|哪条|which\s+(?:one|is|route)\b|(?:что|какой|какая)\s+(?:быстрее|дешевле|ближе|короче|лучше|выгоднее)/iu;
const VIA_CUE = /(?:^|[^\p{L}])(?:через|via|through)\s*$|(?:经|经由)\s*$/u;

/** What a place is in a message, from the word before it: "из Циндао" an origin, "до Алматы" a
 * destination, "через Хоргос" a waypoint; undefined without such a word. */
export function placeRole(text: string, p: PlaceRef): 'from' | 'to' | 'via' | undefined {
  const lower = text.toLowerCase();
  const before = lower.slice(Math.max(0, p.at - 12), p.at);
  if (FROM_CUE.test(before)) return 'from';
  // "sea to vladivostok + rail", "до Владивостока, потом по жд", "到海参崴再转铁路", "rail it to kashgar first" (trial
  // 19b t19b-13 planned the trip to Kashgar): the goods go on from there.
  if (GOES_ON.test(lower.slice(p.at + p.text.length, p.at + p.text.length + 16))) return 'via';
  // "сначала морем до": the cue runs longer than the others.
  if (FIRST_STOP_CUE.test(lower.slice(Math.max(0, p.at - 24), p.at))) return 'via';
  if (TO_CUE.test(before)) return 'to';
  if (VIA_CUE.test(before)) return 'via';
  // "铁路走霍尔果斯": a crossing one goes by (trial 13 planned the trip to Khorgos); "走海运" is a mode, no place,
  // and "走霍尔果斯还是阿拉山口" compares two crossings, no trip.
  if (p.kind === 'border-crossing' && /走\s*$/u.test(before) && !COMPARES.test(lower)) return 'via';
  return undefined;
}
