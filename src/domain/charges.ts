// The charges a text names by name: import VAT, the Russian recycling fee, anti-dumping duties, the import duty. A
// question that names one asks about that one; a note titled by another answers only what the two share.

export type Charge = 'vat' | 'recycling-fee' | 'anti-dumping' | 'duty' | 'rebate';

const CHARGES: ReadonlyArray<[Charge, RegExp]> = [
  ['vat', /ндс|\bvat\b|增值税/iu],
  ['recycling-fee', /утиль|утилизационн|recycling\s+fee|报废税|回收利用费/iu],
  ['anti-dumping', /антидемпинг|anti-?dumping|反倾销/iu],
  ['duty', /пошлин|\bdut(?:y|ies)\b|\btariffs?\b|关税/iu],
  // China's export rebate gives back the VAT paid at home: another charge than the VAT a buyer pays at customs.
  ['rebate', /rebate|退税|возврат\S*\s+(?:экспортн\S*\s+)?ндс|экспортн\S*\s+(?:возврат|возмещени)/iu],
];

/** Where VAT is named as the rebate's or an invoice's, no VAT is charged: "Can we still get vat rebate on 9610 if the factory
 * didnt give us VAT invoices?" asked about China's rebate, and Kazakhstan's 16% VAT came second in its lead (trial 30
 * t30-12). */
const NOT_THE_CHARGE =
  /\bvat\s+(?:rebates?|refunds?|invoices?)|(?:增值税|出口)(?:专用)?(?:发票|退税|退还)|退(?:还)?增值税|возврат\S*\s+(?:экспортн\S*\s+)?ндс|сч[её]т\S*-фактур\S*\s+(?:с\s+)?ндс/giu;

export function namedCharges(text: string): Charge[] {
  const rebate = CHARGES.at(-1)![1].test(text);
  const charged = rebate || /发票|invoice|фактур/iu.test(text) ? text.replace(NOT_THE_CHARGE, ' ') : text;
  return CHARGES.filter(([c, re]) => (c === 'rebate' ? rebate : re.test(charged))).map(([c]) => c);
}

/** An anti-dumping duty is a duty: asked either, a text on the other answers. */
const DUTIES: ReadonlySet<Charge> = new Set(['duty', 'anti-dumping']);
export const sameCharge = (a: Charge, b: Charge): boolean => a === b || (DUTIES.has(a) && DUTIES.has(b));
