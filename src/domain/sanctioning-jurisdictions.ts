// Who imposes a sanction a text names: the United States, the European Union or the United Kingdom. A
// question on EU sanctions is not answered by a document on US measures ("heard the EU sanctioned some
// chinese banks. which ones?" led with OFAC's secondary-sanctions rule, trial 14 t14-29).

export type Jurisdiction = 'US' | 'EU' | 'UK';

// Acronyms are matched in capitals only: "pays us", "ес" inside a word are not jurisdictions.
const PATTERNS: ReadonlyArray<readonly [Jurisdiction, RegExp, RegExp]> = [
  ['US', /(?<![\p{L}])(?:US|USA|U\.S\.|OFAC|США)(?![\p{L}])/u, /united\s+states|american|америк|美国|美方|美财政部/iu],
  ['EU', /(?<![\p{L}])(?:EU|ЕС)(?![\p{L}])/u, /european\s+union|евросоюз|европейск\S*\s+союз|欧盟/iu],
  ['UK', /(?<![\p{L}])(?:UK|OFSI)(?![\p{L}])/u, /united\s+kingdom|britain|british|великобритан|британ|英国/iu],
];

/** The sanctioning jurisdictions a text names. */
export function sanctioningJurisdictions(text: string): Jurisdiction[] {
  return PATTERNS.filter(([, acronym, name]) => acronym.test(text) || name.test(text)).map(([j]) => j);
}
