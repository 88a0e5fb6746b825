// The years a question asks about: named ("示范区2025年开行了多少列班列", "с июля 2026") or relative to today
// ("去年", "last year", "в прошлом году"); lead.ts prefers a sentence that names one of them.

// A year named relative to today: "上合示范区的班列去年一共开了多少列？" asks for 2025's total in 2026 (trial 14
// t14-23 led with the route counts of 2023–2025 and left out the 1,225 trains of 2025).
const RELATIVE_YEARS: ReadonlyArray<readonly [number, RegExp]> = [
  [-1, /去年|上一年|\blast\s+year\b|прошл\S*\s+год|прошлогодн/iu],
  [0, /今年|本年|\bthis\s+year\b|\bcurrent\s+year\b|(?:в\s+)?(?:этом|текущем)\s+году/iu],
  [1, /明年|\bnext\s+year\b|(?:в\s+)?следующ\S*\s+год/iu],
];
function relativeYears(question: string, today: string | undefined): string[] {
  const year = Number(today?.slice(0, 4));
  if (!Number.isInteger(year) || year < 1900) return [];
  return RELATIVE_YEARS.filter(([, re]) => re.test(question)).map(([d]) => String(year + d));
}
/** A year, not one that is part of a name: "Incoterms 2020", "ТР ТС 010/2011" (the year bonus led "and for a rail
 * container to almaty?" after an Incoterms 2020 question with "(April 2020)" of a transit time). */
const YEAR_G = /(?<![\d/])(?<!incoterms®?\s?)(?:19|20)\d{2}(?!\d)/giu;

/** A year written with two digits as chat does: "с 27 года", "с июля 26го", "27年". Only with a word that makes it a
 * year: a bare "27" is a count ("а ндс на посылки с 27 года будет?" asked about 2027, trial 21 t21-07). */
const SHORT_YEAR_G = /(?<![\d.,/])([2-3]\d)(?:\s*-?\s*(?:го|года?|году)(?![\p{L}])|年(?!代))/gu;

/** What the person has read or heard, told as the question's premise: "I read China suspended its export controls
 * in Nov 2025 for a year - so we don't need a licence now?" asks about now; the year dates the news (trial 19
 * t19-16 led with "Law firms advised (2025)…" and the rare earths licensed "since 4 April 2025"). */
const PREMISE =
  /\b(?:i|we)\s+(?:read|heard|saw|was\s+told|were\s+told)\b|\b(?:they|people|someone)\s+(?:say|said)\b|(?:^|[^\p{L}])(?:слышал\S*|читал\S*|говорят|пишут|сказали)(?![\p{L}])|听说|据说|看到新闻|有人说/iu;

/** The years a question names or means, as four digits: not a past year of the premise it tells (up to the
 * sentence's end). A premise's current year is the one asked: "какой щас ндс…? слышал с 2026 все подняли" asks
 * 2026's rate. */
export function yearsAsked(question: string, today: string | undefined): string[] {
  const year = Number(today?.slice(0, 4));
  const premise = Number.isInteger(year) ? PREMISE.exec(question) : null;
  const told = premise ? question.slice(premise.index).split(/[.!?。！？;；]|\s[-–—]\s/u)[0]! : '';
  const past = new Set((told.match(YEAR_G) ?? []).filter((y) => Number(y) < year));
  return [
    ...(question.match(YEAR_G) ?? []).filter((y) => !past.has(y)),
    ...[...question.matchAll(SHORT_YEAR_G)].map((m) => `20${m[1]}`).filter((y) => !past.has(y)),
    ...relativeYears(question, today),
  ];
}

/** The years a text names (not those inside a name: "Incoterms 2020", "ТР ТС 010/2011"). */
export function yearsIn(text: string): string[] {
  return text.match(YEAR_G) ?? [];
}
