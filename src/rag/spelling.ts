// Words exporters mistype ("обьявил", "сколко", "acount") match nothing in the knowledge base, and a
// question word the corpus lacks counts against every passage alike: the rest of the question has to
// carry it. A word of at least five letters whose token the corpus lacks is read as the corpus word one
// typo away (see edits), the most common such word if several.
// Chinese is not spelled letter by letter and is left as it is.
import { tokenize } from './tokenize.js';

const WORD = /(?<![\p{L}\p{N}])[\p{Script=Cyrillic}\p{Script=Latin}]{5,24}(?![\p{L}\p{N}])/gu;
/** The letters a typo leaves out: vowels and signs, and an "h" in Latin ("kazakstan"). */
const CYRILLIC_INSERTS = 'аеёиоуыэюяьъ';
const LATIN_INSERTS = 'aeiouyh';

/** Vowels and signs that Russian spelling confuses ("сертефиката", "декларацыя", "обьявил"). */
const CYRILLIC_SWAPS: Record<string, string> = { е: 'иэ', и: 'еы', ы: 'и', э: 'е', ь: 'ъ', ъ: 'ь' };
/**
 * Unstressed "о" and "а" sound alike ("деклорации"), but a short word the corpus lacks is often a real
 * one ("расти" would become "рости"): confused only in words of eight letters or more.
 */
const AKANYE: Record<string, string> = { о: 'а', а: 'о' };
const AKANYE_MIN = 8;
const VOWELS = /[аеёиоуыэюяьъaeiouy]/;

/**
 * The strings one typo from `word`: a vowel, a sign, an "h" or a doubled letter left out ("kazakstan",
 * "declaraton", "сколко", "acount"), two vowels swapped ("recieved"), or a Russian vowel or sign
 * confused. Never at the first letter, never a letter dropped, a consonant added or changed: those
 * turned "хватит" into "охватит", "lathes" into "lates", "pumps" into "dumps", "везем" into
 * "везтем" and "возить" into "ввозить" on the domain question sets.
 */
function edits(word: string, inserts: string): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 1 && VOWELS.test(tail[0]!) && VOWELS.test(tail[1]!))
      out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of inserts) out.add(head + c + tail);
    if (i > 1) out.add(head + head.at(-1)! + tail);
    for (const c of CYRILLIC_SWAPS[tail[0] ?? ''] ?? '') out.add(head + c + tail.slice(1));
    if (word.length >= AKANYE_MIN) for (const c of AKANYE[tail[0] ?? ''] ?? '') out.add(head + c + tail.slice(1));
  }
  out.delete(word);
  return out;
}

/**
 * The text with each mistyped word replaced by the corpus word one typo away. `idf` is the corpus
 * weight of a token, 0 when the corpus lacks it; a lower weight is a more common word.
 */
export function correctSpelling(text: string, idf: (token: string) => number): string {
  return text
    .replace(CLIPPED_WORD, (word) => CLIPPED[word.toLowerCase()] ?? word)
    .replace(HOMOGLYPH_WORD, (word) => latinReading(word, idf))
    .replace(WORD, (word) => {
      const lower = word.toLowerCase();
      const tokens = tokenize(lower);
      if (tokens.length !== 1 || idf(tokens[0]!) > 0) return word;
      const inserts = /\p{Script=Cyrillic}/u.test(lower) ? CYRILLIC_INSERTS : LATIN_INSERTS;
      let best: { word: string; idf: number } | undefined;
      for (const candidate of edits(lower, inserts)) {
        const t = tokenize(candidate);
        if (t.length !== 1) continue;
        const w = idf(t[0]!);
        if (w > 0 && (!best || w < best.idf)) best = { word: candidate, idf: w };
      }
      return best?.word ?? word;
    });
}

/** Words exporters clip in chat ("а серт на скока лет дают?", trial 20 t20-01): no typo, so no edit finds them, and
 * "серт" shares only its first letters with "сертификат", which word matching keys on five. */
const CLIPPED: Record<string, string> = {
  серт: 'сертификат',
  серта: 'сертификата',
  серты: 'сертификаты',
  сертом: 'сертификатом',
  декла: 'декларация',
  деклу: 'декларацию',
  скока: 'сколько',
  скоко: 'сколько',
  certs: 'certificates',
  cert: 'certificate',
};
const CLIPPED_WORD = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${Object.keys(CLIPPED).join('|')})(?![\p{L}\p{N}])`,
  'giu',
);

/** Capitals that Cyrillic and Latin share in print: "ЕАС" typed on a Russian keyboard looks like "EAC". */
const HOMOGLYPHS: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
};
const HOMOGLYPH_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])[${Object.keys(HOMOGLYPHS).join('')}]{2,5}(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Kazakh and Russian company forms: "ТОО" is not the English "too". */
const COMPANY_FORMS = new Set(['ТОО', 'АО', 'ОАО', 'ЗАО', 'ООО']);

/**
 * An abbreviation typed in Cyrillic capitals that read as Latin ones ("сертификат ЕАС", "АЕО") is read
 * as the Latin one when the corpus uses that spelling more: the documents write "EAC" and "AEO", and
 * the Cyrillic look-alike matched only a stray line of one of them (follow-up fg-02). A Russian
 * abbreviation the corpus writes in Cyrillic ("ТР ТС") stays.
 */
function latinReading(word: string, idf: (token: string) => number): string {
  if (COMPANY_FORMS.has(word)) return word;
  const latin = [...word].map((c) => HOMOGLYPHS[c]!).join('');
  const [own] = tokenize(word.toLowerCase());
  const [read] = tokenize(latin.toLowerCase());
  if (!own || !read) return word;
  const wOwn = idf(own);
  const wRead = idf(read);
  return wRead > 0 && (wOwn === 0 || wRead < wOwn) ? latin : word;
}
