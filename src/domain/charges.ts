// The charges a text names by name: import VAT, the Russian recycling fee, anti-dumping duties, the import duty. A
// question that names one asks about that one; a note titled by another answers only what the two share.

export type Charge = 'vat' | 'recycling-fee' | 'anti-dumping' | 'duty';

const CHARGES: ReadonlyArray<[Charge, RegExp]> = [
  ['vat', /ндс|\bvat\b|增值税/iu],
  ['recycling-fee', /утиль|утилизационн|recycling\s+fee|报废税|回收利用费/iu],
  ['anti-dumping', /антидемпинг|anti-?dumping|反倾销/iu],
  ['duty', /пошлин|\bdut(?:y|ies)\b|\btariffs?\b|关税/iu],
];

export function namedCharges(text: string): Charge[] {
  return CHARGES.filter(([, re]) => re.test(text)).map(([c]) => c);
}

/** An anti-dumping duty is a duty: asked either, a text on the other answers. */
const DUTIES: ReadonlySet<Charge> = new Set(['duty', 'anti-dumping']);
export const sameCharge = (a: Charge, b: Charge): boolean => a === b || (DUTIES.has(a) && DUTIES.has(b));
