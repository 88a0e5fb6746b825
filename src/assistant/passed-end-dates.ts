// End dates that have passed since a note was written: "暂停实施至 2026 年 11 月 10 日" read on 5 December 2026
// from a note as of March 2026 (trial 14 t14-13). The sentence is shown verbatim, as every lead is; the reply
// adds that the date is past and that an extension should be checked, instead of leaving it to read as current.

const RU_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const iso = (y: string, m: number, d: string) => `${y}-${String(m).padStart(2, '0')}-${d.padStart(2, '0')}`;

// Each pattern: an end word ("until", "до", "至") and a full date after it; the function makes it ISO.
const PATTERNS: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
  [/(?:至|到|直至|截止到)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu, (m) => iso(m[1]!, Number(m[2]), m[3]!)],
  // The end word after the date: "在 2026 年 11 月 10 日之前同样享有…暂停待遇" (trial 30 t30-23).
  [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:之前|以前|前)/gu, (m) => iso(m[1]!, Number(m[2]), m[3]!)],
  [
    new RegExp(String.raw`(?<![\p{L}])(?:до|по)\s+(\d{1,2})\s+(${RU_MONTHS.join('|')})\s+(\d{4})`, 'giu'),
    (m) => iso(m[3]!, RU_MONTHS.indexOf(m[2]!.toLowerCase()) + 1, m[1]!),
  ],
  [/(?<![\p{L}])до\s+(\d{1,2})\.(\d{1,2})\.(\d{4})/giu, (m) => iso(m[3]!, Number(m[2]), m[1]!)],
  [
    new RegExp(
      String.raw`\b(?:until|till|through|to|before)\s+(\d{1,2})\s+(${EN_MONTHS.join('|')})[a-z]*\.?\s+(\d{4})`,
      'giu',
    ),
    (m) => iso(m[3]!, EN_MONTHS.indexOf(m[2]!.toLowerCase()) + 1, m[1]!),
  ],
  [
    new RegExp(
      String.raw`\b(?:until|till|through|before)\s+(${EN_MONTHS.join('|')})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})`,
      'giu',
    ),
    (m) => iso(m[3]!, EN_MONTHS.indexOf(m[1]!.toLowerCase()) + 1, m[2]!),
  ],
];

/** The end dates a text names (ISO, as written: "2026-11-10") that lie after `asOf` — the note wrote them as
 * still to come — and before `today`. */
export function passedEndDates(text: string, asOf: string | undefined, today: string): string[] {
  if (!asOf) return [];
  const found = new Set<string>();
  for (const [re, toIso] of PATTERNS)
    for (const m of text.matchAll(re)) {
      const date = toIso(m);
      if (date > asOf && date < today) found.add(date);
    }
  return [...found].sort();
}
