// The page's words: the server's catalogue (src/i18n/web-texts.ts) in zh, ru and en. The interface
// language is the person's last choice in this browser, else the first of the browser's languages
// we have, else English.
export const LANGS = ['zh', 'ru', 'en'];
const HTML_LANG = { zh: 'zh-CN', ru: 'ru', en: 'en' };
const CHOICE_KEY = 'advisor.uiLang';

export async function loadSettings() {
  const r = await fetch('/api/console-settings', { headers: { accept: 'application/json' } });
  if (!r.ok) throw new Error(`settings: HTTP ${r.status}`);
  return r.json();
}

export function chosenLang(languages = navigator.languages) {
  const saved = readChoice();
  if (LANGS.includes(saved)) return saved;
  for (const tag of languages ?? []) {
    const code = String(tag).slice(0, 2).toLowerCase();
    if (LANGS.includes(code)) return code;
  }
  return 'en';
}

export function rememberLang(lang) {
  try {
    localStorage.setItem(CHOICE_KEY, lang);
  } catch {
    // Storage may be off (private mode); the choice then lasts for this page only.
  }
}

function readChoice() {
  try {
    return localStorage.getItem(CHOICE_KEY);
  } catch {
    return null;
  }
}

export function htmlLang(lang) {
  return HTML_LANG[lang] ?? 'en';
}

/** "as of {date}" with {date: …} → "as of 31 December 2025". */
export function format(template, params = {}) {
  return String(template).replace(/\{(\w+)\}/g, (whole, key) => (key in params ? String(params[key]) : whole));
}

/** Every element marked data-text="key" shows that entry; the document takes the language's tag. */
export function applyTexts(root, texts, lang) {
  for (const el of root.querySelectorAll('[data-text]')) {
    const text = texts[el.dataset.text];
    if (text !== undefined) el.textContent = text;
  }
  document.documentElement.lang = htmlLang(lang);
}

/** "2025-12-31" in the reader's language: 2025年12月31日, 31 декабря 2025 г., December 31, 2025. */
export function formatDate(iso, lang) {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(htmlLang(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
