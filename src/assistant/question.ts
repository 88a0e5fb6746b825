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
  const question = raw.replace(CONTROL, ' ').trim();
  const detected = detectLang(question.slice(0, 2000));
  // A user's chosen language wins over what the text looks like.
  const lang = opts.lang ?? detected?.lang ?? opts.fallbackLang ?? 'en';
  if (!question) return { ok: false, reason: 'empty', lang, message: t(lang, 'emptyQuestion') };
  // Only emoji, symbols or punctuation: nothing to search for.
  if (!/[\p{L}\p{N}]/u.test(question)) return { ok: false, reason: 'no-words', lang, message: t(lang, 'noWords') };
  const length = [...question].length;
  if (length > opts.maxChars) {
    return { ok: false, reason: 'too-long', lang, message: t(lang, 'tooLong', { length, max: opts.maxChars }) };
  }
  return { ok: true, question, lang, mixed: detected?.mixed ?? false };
}
