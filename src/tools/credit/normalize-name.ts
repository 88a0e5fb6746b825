// Company names across scripts: legal forms dropped, Cyrillic transliterated, Chinese in pinyin,
// so "ТОО «Алматы Трейд»", "Almaty Trade LLP" and "阿拉木图贸易" can meet.
import { createRequire } from 'node:module';

// pinyin-pro and its dictionaries take ~150 ms and several MB to load: only for Chinese names.
const require = createRequire(import.meta.url);
let pinyinModule: typeof import('pinyin-pro') | undefined;
/** The syllables of a Han run, without tones. */
function syllables(run: string): string[] {
  pinyinModule ??= require('pinyin-pro') as typeof import('pinyin-pro');
  return pinyinModule.pinyin(run, { toneType: 'none', type: 'array' });
}

const LEGAL_FORMS = [
  'llp',
  'llc',
  'ltd',
  'limited',
  'jsc',
  'ojsc',
  'cjsc',
  'plc',
  'inc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'sa',
  'ag',
  'pjsc',
  'too',
  'ooo',
  'oao',
  'zao',
  'pao',
  'ao',
  'ip',
  'chp',
  'mchj',
  'xk',
  'ajs',
];
const CN_FORMS = /(股份有限公司|有限责任公司|有限公司|集团|公司)/g;

const CYR: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ў: 'o',
  ҳ: 'h',
  ҷ: 'j',
  ӣ: 'i',
  ӯ: 'u',
};

export function transliterate(text: string): string {
  const lower = text.toLowerCase();
  const latin = [...lower].map((ch) => CYR[ch] ?? ch).join('');
  if (!/\p{Script=Han}/u.test(latin)) return latin;
  const noForms = latin.replace(CN_FORMS, ' ');
  return noForms.replace(/\p{Script=Han}+/gu, (run) => ` ${syllables(run).join('')} `);
}

/** A comparable key: transliterated, legal forms and punctuation removed, spaces collapsed. */
export function nameKey(name: string): string {
  const t = transliterate(name)
    .replace(/[«»"'“”„`().,&/\\-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !LEGAL_FORMS.includes(w))
    .join(' ');
  // Transliteration variants: kh/h, ts/c, y/i at word ends differ between schemes.
  return t
    .replace(/kh/g, 'h')
    .replace(/ts/g, 'c')
    .replace(/iy\b|yy\b/g, 'y')
    .trim();
}

/** 0–1 similarity of two names by shared character trigrams of their keys. */
export function nameSimilarity(a: string, b: string): number {
  const ka = nameKey(a).replace(/\s/g, '');
  const kb = nameKey(b).replace(/\s/g, '');
  if (!ka || !kb) return 0;
  if (ka === kb) return 1;
  const grams = (s: string) => new Set(Array.from({ length: Math.max(1, s.length - 2) }, (_, i) => s.slice(i, i + 3)));
  const ga = grams(ka);
  const gb = grams(kb);
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}
