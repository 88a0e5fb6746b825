// EAEU technical regulations named in a text: "ТР ТС 004/2011", "TR CU 004", "技术法规 004",
// "020/2011". Used to tell a question about a regulation the knowledge base lacks, and to find the
// documents about the regulation a named product falls under.

const REGULATION =
  /(?:тр\s*(?:тс|еаэс)|техрегламент\S*|tr\s*(?:cu|eaeu|ts)|技术法规|技术规程)\s*(?:№\s*)?(\d{3})(?!\d)(?:\s*\/\s*(\d{4}))?|\b(0\d{2})\s*\/\s*(20\d{2})\b/giu;

/** The regulations (by number) a text names. */
export function namedRegulations(text: string): Array<{ number: string; year: string | undefined }> {
  const out = new Map<string, string | undefined>();
  for (const m of text.toLowerCase().matchAll(REGULATION)) {
    const number = m[1] ?? m[3];
    if (number && !out.has(number)) out.set(number, m[2] ?? m[4]);
  }
  return [...out].map(([number, year]) => ({ number, year }));
}

// Regulations people name by their subject rather than their number ("and for EMC?").
const BY_SUBJECT: ReadonlyArray<readonly [string, RegExp]> = [
  ['004', /low[- ]voltage|низковольтн|低电压/iu],
  // An acronym beside Chinese is a word of its own ("那RoHS呢" kept the low-voltage rule, follow-up fg-20).
  [
    '020',
    /(?<![\p{Script=Latin}\p{Script=Cyrillic}])(?:emc|эмс)(?![\p{Script=Latin}\p{Script=Cyrillic}])|electromagnetic\s+compat|электромагнитн\S*\s+совместим|电磁兼容/iu,
  ],
  ['037', /(?<![\p{Script=Latin}])rohs(?![\p{Script=Latin}])|hazardous\s+substances|опасных\s+веществ|有害物质/iu],
];

/** The regulations (numbers) a text names by number or by subject. */
export function askedRegulations(text: string): string[] {
  const byNumber = namedRegulations(text).map((r) => r.number);
  const bySubject = BY_SUBJECT.filter(([, re]) => re.test(text)).map(([n]) => n);
  return [...new Set([...byNumber, ...bySubject])];
}

/** The text without its references to the given regulations' numbers ("под ТР ТС 004/2011" → "под"). */
export function withoutRegulations(text: string, numbers: readonly string[]): string {
  return text
    .replace(REGULATION, (m, a?: string, _y?: string, b?: string) => (numbers.includes(a ?? b ?? '') ? ' ' : m))
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** A question on conformity (certificates, declarations, technical regulations): the document on the
 * product's regulation is the answer. */
export const CONFORMITY =
  /сертифик|декларац|регламент|(?<![а-яё])тр\s*(?:тс|еаэс)|eac|(?<![а-яё])еас(?![а-яё])|sgr|сгр|certif|declar|regulation|tr\s*(?:cu|eaeu)|认证|证书|声明|技术法规|合规|要求|办\S{0,2}证|(?:啥|什么|哪些|哪种)证(?!明)/i;

/** A claim on a carrier's liability for lost or damaged goods ("сколько возместить", "索赔", "claim"), or the loss itself
 * with what the carrier pays: "truck from Khorgos to Almaty, cargo lost on the way, how much must the carrier pay under
 * the convention?" was planned as a trip (trial 24 t24-13). */
export const LIABILITY_CLAIM =
  /претензи|возмест|возмещ|\bliabilit|\bclaims?\b|compensat|索赔|赔偿|\b(?:carrier|railway|railroad|trucker|shipping\s+line)\s+(?:\S+\s+){0,2}pays?\b|(?:cargo|goods|boxes|cartons|container)\s+(?:\S+\s+){0,2}(?:lost|stolen)|перевозчик\S*\s+(?:\S+\s+){0,2}(?:заплат|плат)|груз\S*\s+(?:\S+\s+){0,2}(?:пропал|потерял|украл|утрачен)|(?:пропал|потерял|украл|утрачен)\S*\s+(?:\S+\s+){0,2}груз|контейнер\S*\s+(?:\S+\s+){0,2}(?:пропал|потерял|утерян|утрачен)|(?:пропал|утерян|утрачен)\S*\s+(?:\S+\s+){0,2}контейнер|丢货|货丢|被偷|失窃|承运人\S{0,6}赔|赔多少|怎么赔|赔付/i;

/** Words of a question on another subject than the product's rules: a tax refund, a tax, a payment,
 * freight ("ндс … а на детские товары тоже столько?" is about VAT, not TR CU 007). */
export const OTHER_SUBJECT = new RegExp(
  String.raw`退税|rebate|ндс|\bvat\b|增值税|运费|运价|freight|фрахт|收汇|结汇|外汇|currency|валютн|仲裁|arbitra|арбитраж|保险|insurance|страхов|\bcmr\b|смгс|\bsmgs\b|${LIABILITY_CLAIM.source}`,
  'i',
);
