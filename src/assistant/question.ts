// The edge check every channel applies to a question before any work: empty, oversized or
// unreadable input gets a clear message in the asker's language.
import { detectLang } from '../i18n/detect-lang.js';
import { t } from '../i18n/messages.js';
import type { Lang } from '../domain/lang.js';

export type QuestionCheck =
  | { ok: true; question: string; lang: Lang; mixed: boolean }
  | { ok: false; reason: 'empty' | 'too-long' | 'no-words'; lang: Lang; message: string };

// Control characters other than tab and newline carry no meaning in a question and can upset
// terminals and logs.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function checkQuestion(
  raw: string,
  opts: { maxChars: number; lang?: Lang | undefined; fallbackLang?: Lang | undefined },
): QuestionCheck {
  // A character is one or two UTF-16 units, so beyond twice the limit in units the text is too long
  // whatever it holds: refused before any work proportional to its size (a 100 MB message once
  // ran the process out of memory here). The length reported is then the units counted.
  if (raw.length > opts.maxChars * 2) {
    const head = raw.slice(0, 2000);
    const lang = opts.lang ?? detectLang(head)?.lang ?? opts.fallbackLang ?? 'en';
    return tooLong(lang, raw.length, opts.maxChars);
  }
  const question = raw.replace(CONTROL, ' ').trim();
  const detected = detectLang(question.slice(0, 2000));
  // A user's chosen language wins over what the text looks like.
  const lang = opts.lang ?? detected?.lang ?? opts.fallbackLang ?? 'en';
  if (!question) return { ok: false, reason: 'empty', lang, message: t(lang, 'emptyQuestion') };
  // Only emoji, symbols or punctuation: nothing to search for.
  if (!/[\p{L}\p{N}]/u.test(question)) return { ok: false, reason: 'no-words', lang, message: t(lang, 'noWords') };
  const length = codePoints(question);
  if (length > opts.maxChars) return tooLong(lang, length, opts.maxChars);
  return { ok: true, question, lang, mixed: detected?.mixed ?? false };
}

function tooLong(lang: Lang, length: number, max: number): QuestionCheck {
  return { ok: false, reason: 'too-long', lang, message: t(lang, 'tooLong', { length, max }) };
}

/** Characters (code points), counted without building an array of them. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
