// Language-aware tokens for BM25 and the hashing embedder: Chinese segmented (jieba with a
// trade dictionary, or character bigrams), Russian and English stemmed (Snowball).
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { STOPWORDS } from './stopwords.js';
import { TRADE_TERMS } from './trade-terms.js';

const require = createRequire(import.meta.url);
interface Stemmer {
  stem(word: string): string;
}
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): Stemmer };

export type ZhMode = 'jieba' | 'bigram' | 'jieba+bigram';

export interface TokenizeOptions {
  zh?: ZhMode;
  /** Keep stopwords (used by tests that inspect raw segmentation). */
  keepStopwords?: boolean;
}

let jieba: Jieba | undefined;
// Loaded on first use: its dictionaries are 11 MB read at import, and the default mode (bigrams)
// never needs them.
function getJieba(): Jieba {
  if (!jieba) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Buffer };
    jieba = JiebaClass.withDict(dict);
    // The default dictionary cuts domain terms apart (上合 → 上|合); a high frequency keeps them whole.
    jieba.loadDict(Buffer.from(TRADE_TERMS.map((t) => `${t} 100000 n`).join('\n')));
  }
  return jieba;
}

const ru = snowball.newStemmer('russian');
const en = snowball.newStemmer('english');
const stemCache = new Map<string, string>();
/**
 * A word as the text spells it → its token ('' for a stop word). Lower-casing, two replacements, the
 * stop-word test and the stemmer were most of tokenizing a build's passages (a corpus repeats its
 * words); a hit is one map lookup and hands out the same string, so the indexes' own maps find it
 * by its cached hash. Bounded like the stem cache; only for the default options.
 */
const wordCache = new Map<string, string>();
const WORD_CACHE = 200_000;

// Han runs; otherwise letters/digits runs (Latin, Cyrillic, numbers, mixed like "tr-cu").
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:[.'’](?:(?!\p{Script=Han})[\p{L}\p{N}])+)*)/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

export function tokenize(text: string, opts: TokenizeOptions = {}): string[] {
  const zh = opts.zh ?? DEFAULT_ZH_MODE;
  const out: string[] = [];
  const keep = (t: string) => {
    if (t && (opts.keepStopwords || !STOPWORDS.has(t))) out.push(t);
  };
  for (const m of text.normalize('NFKC').matchAll(RUN)) {
    if (m[1]) {
      for (const t of segmentHan(m[1], zh)) keep(t);
    } else if (m[2]) {
      if (!opts.keepStopwords) {
        const raw = m[2];
        let token = wordCache.get(raw);
        if (token === undefined) {
          token = detached(wordToken(raw));
          if (wordCache.size < WORD_CACHE) wordCache.set(detached(raw), token);
        }
        if (token) out.push(token);
        continue;
      }
      keep(stem(normalizeWord(m[2])));
    }
  }
  return out;
}

const normalizeWord = (raw: string) => raw.toLowerCase().replace(/ё/g, 'е').replace(/[’']/g, '');

/** A word's token with stop words dropped, before and after stemming ('' when dropped). */
function wordToken(raw: string): string {
  const word = normalizeWord(raw);
  if (STOPWORDS.has(word)) return '';
  const t = stem(word);
  return t && !STOPWORDS.has(t) ? t : '';
}

/**
 * A copy that does not point into the passage it was cut from: V8 keeps a longer substring as a
 * slice of its parent, and a cached slice would keep a whole passage's text alive.
 */
function detached(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}

export const DEFAULT_ZH_MODE: ZhMode = 'bigram';

function segmentHan(run: string, mode: ZhMode): string[] {
  if (mode === 'bigram') return bigrams(run);
  const words = getJieba().cutForSearch(run, true);
  if (mode === 'jieba') return words;
  // Words for precision, bigrams for recall when jieba's cut differs between query and passage.
  const seen = new Set(words);
  for (const b of bigrams(run)) if (!seen.has(b)) words.push(b);
  return words;
}

const SURROGATE = /[\ud800-\udfff]/;

function bigrams(run: string): string[] {
  // Most Han characters are one UTF-16 unit: slices of two units are the pairs of characters.
  if (!SURROGATE.test(run)) {
    if (run.length === 1) return [run];
    const out: string[] = [];
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    return out;
  }
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Snowball reads a noun's final "-ан" / "-ян" as a verb ending: "Казахстан" → "казахста" but "в Казахстане"
 * → "казахстан", "Иран" → "ира" but "Иране" → "иран". The question's case and the document's then never
 * meet. The "н" goes in every form, so all cases of the noun share one stem. */
function ruStem(word: string): string {
  const s = ru.stem(word);
  return s.length >= 4 && /[ая]н$/u.test(s) ? s.slice(0, -1) : s;
}

function stem(word: string): string {
  if (word.length <= 3 || /^\p{N}/u.test(word)) return word;
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  const s = CYRILLIC.test(word) ? ruStem(word) : LATIN.test(word) ? en.stem(word) : word;
  if (stemCache.size < 200_000) stemCache.set(word, s);
  return s;
}
