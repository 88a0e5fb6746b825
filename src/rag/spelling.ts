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
  }
  out.delete(word);
  return out;
}

/**
 * The text with each mistyped word replaced by the corpus word one typo away. `idf` is the corpus
 * weight of a token, 0 when the corpus lacks it; a lower weight is a more common word.
 */
export function correctSpelling(text: string, idf: (token: string) => number): string {
  return text.replace(WORD, (word) => {
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
