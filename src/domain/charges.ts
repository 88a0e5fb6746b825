// The charges a text names by name: import VAT, the Russian recycling fee, anti-dumping duties, the import duty, and China's
// export rebate. A question that names one asks about that one; a note titled by another answers only what the two share.

export type Charge = 'vat' | 'recycling-fee' | 'anti-dumping' | 'duty' | 'rebate';

/** VAT named as China's export rebate gives back ("vat rebate", "возврат НДС", "退增值税"). */
const VAT_REBATE = String.raw`\bvat\s+(?:rebates?|refunds?)|(?:增值税|出口)(?:退税|退还)|退(?:还)?增值税|возврат\S*\s+(?:экспортн\S*\s+)?ндс`;

/** China's export rebate gives back the VAT paid at home: another charge than the VAT a buyer pays at customs. The notes
 * also call it a refund ("How long a 9810 refund takes…"). (Not goods sent back: "экспортные возвраты" on Ozon are
 * returns, nor a buyer's refund.) */
const REBATE = new RegExp(
  String.raw`\brebates?\b|退税|${VAT_REBATE}|\b(?:tax|export|9610|9710|9810|1210)\s+(?:\S+\s+)?refunds?\b|\brefunds?\s+on\s+departure`,
  'iu',
);

const CHARGES: ReadonlyArray<[Charge, RegExp]> = [
  ['vat', /ндс|\bvat\b|增值税/iu],
  ['recycling-fee', /утиль|утилизационн|recycling\s+fee|报废税|回收利用费/iu],
  ['anti-dumping', /антидемпинг|anti-?dumping|反倾销/iu],
  ['duty', /пошлин|\bdut(?:y|ies)\b|\btariffs?\b|关税/iu],
];

/** Where VAT is named as the rebate's or an invoice's, no VAT is charged: "Can we still get vat rebate on 9610 if the factory
 * didnt give us VAT invoices?" asked about China's rebate, and Kazakhstan's 16% VAT came second in its lead (trial 30
 * t30-12). */
const NOT_THE_CHARGE = new RegExp(
  String.raw`${VAT_REBATE}|\bvat\s+invoices?|(?:增值税|出口)(?:专用)?发票|сч[её]т\S*-фактур\S*\s+(?:с\s+)?ндс`,
  'giu',
);

export function namedCharges(text: string): Charge[] {
  const rebate = REBATE.test(text);
  const charged = rebate || /发票|invoice|фактур/iu.test(text) ? text.replace(NOT_THE_CHARGE, ' ') : text;
  return [...CHARGES.filter(([, re]) => re.test(charged)).map(([c]) => c), ...(rebate ? (['rebate'] as const) : [])];
}

/** An anti-dumping duty is a duty: asked either, a text on the other answers. */
const DUTIES: ReadonlySet<Charge> = new Set(['duty', 'anti-dumping']);
export const sameCharge = (a: Charge, b: Charge): boolean => a === b || (DUTIES.has(a) && DUTIES.has(b));
