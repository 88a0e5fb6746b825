// The three languages the assistant answers in; every layer speaks of them.
export const LANGS = ['zh', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
