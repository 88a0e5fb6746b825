// Which of our three languages a text is written in, by script. A question of only emoji,
// digits or ASCII punctuation has no language; callers fall back to the user's setting.
import type { Lang } from '../domain/lang.js';

export interface DetectedLang {
  lang: Lang;
  /** Two scripts in strength, e.g. "EAC 认证 для Казахстана". */
  mixed: boolean;
}

export function detectLang(text: string): DetectedLang | undefined {
  let han = 0;
  let cyr = 0;
  let lat = 0;
  // An acronym (CISG, EAC, TR CU) beside Chinese or Russian words is a name, not English: "CISG呢？"
  // is a Chinese follow-up (trial 6 answered it in English).
  const own = /[\p{Script=Han}\p{Script=Cyrillic}]/u.test(text)
    ? text.replace(/(?<![\p{Script=Latin}])[A-Z][A-Z0-9]{1,7}(?![\p{Script=Latin}])/gu, ' ')
    : text;
  for (const ch of own) {
    if (/\p{Script=Han}/u.test(ch)) han++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) cyr++;
    else if (/\p{Script=Latin}/u.test(ch)) lat++;
  }
  // A Han character carries about a word; Latin and Cyrillic letters about a fifth of one.
  const scores: [Lang, number][] = [
    ['zh', han * 3],
    ['ru', cyr],
    ['en', lat],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [first, second] = scores as [[Lang, number], [Lang, number], [Lang, number]];
  // No letters at all: full-width punctuation ("？？") is typed on a Chinese keyboard.
  if (first[1] === 0)
    return /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/u.test(text) ? { lang: 'zh', mixed: false } : undefined;
  // Latin acronyms (EAC, TR CU, CMR) inside a Russian or Chinese sentence do not make it English.
  return { lang: first[0], mixed: second[1] >= 6 && second[1] >= first[1] * 0.4 };
}
