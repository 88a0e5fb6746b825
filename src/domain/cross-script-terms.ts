// Trade terms written in another language's script inside a message: "俄罗斯进口 НДС 现在还是20%吧？" is a Chinese
// question on VAT, but the Chinese notes say 增值税 and never НДС, so the follow-up "那哈萨克斯坦呢" was answered with
// Kazakhstan's marking rules instead of its 16% VAT (trial 21 t21-05). The message's own language's word for the
// term is added beside it, for searching and for picking the answer's sentences.
import { detectLang } from '../i18n/detect-lang.js';
import type { Lang } from './lang.js';
import { wordEnd } from './word-end.js';

interface Term {
  /** How each language writes the term (a message may use any of them). */
  written: Record<Lang, RegExp>;
  /** The word added in each language. */
  word: Record<Lang, string>;
  /** Only into a message in this language. */
  into?: Lang;
}

const TERMS: readonly Term[] = [
  {
    written: { ru: /(?<![\p{L}])ндс(?![\p{L}])/iu, zh: /增值税/u, en: /\bvat\b/iu },
    word: { ru: 'НДС', zh: '增值税', en: 'VAT' },
  },
  {
    written: { ru: /антидемпинг/iu, zh: /反倾销/u, en: /anti-?dumping/iu },
    word: { ru: 'антидемпинговая пошлина', zh: '反倾销税', en: 'anti-dumping duty' },
  },
  {
    written: { ru: /(?<!антидемпинговая\s)пошлин/iu, zh: /关税/u, en: /\b(?:import\s+)?dut(?:y|ies)\b/iu },
    word: { ru: 'пошлина', zh: '关税', en: 'duty' },
  },
  {
    written: {
      ru: /утильсбор|утилизационн\S*\s+сбор/iu,
      zh: /报废税|回收利用费/u,
      en: /recycling\s+fee|scrappage\s+fee/iu,
    },
    word: { ru: 'утильсбор', zh: '报废税', en: 'recycling fee' },
  },
  {
    written: {
      ru: /маркировк|честн\S*\s+знак/iu,
      zh: /诚信标志|数字标识|标识码|贴码/u,
      en: /\bmarking\b|chestny\s+znak/iu,
    },
    word: { ru: 'маркировка', zh: '标识', en: 'marking' },
  },
  {
    written: { ru: /тн\s?вэд/iu, zh: /海关编码|商品编码|HS\s?编码/iu, en: /\bhs\s+codes?\b|\btn\s?ved\b/iu },
    word: { ru: 'ТН ВЭД', zh: '海关编码', en: 'HS code' },
  },
  // "出口防噪音耳塞到俄罗斯 按ТР ТС 019 是做декларация还是сертификат？" asks the Chinese note's "劳保用品做认证还是声明？" in Russian
  // words (trial 23 t23-20; its section is still not shown there: the message's other question, on marking codes, ranks first
  // in the same note). Domain figures unchanged.
  // Only into a Chinese message: "高级认证" in an English question on AEO is no certificate of conformity.
  {
    written: { ru: /декларац/iu, zh: /声明/u, en: /\bdeclaration\b/iu },
    word: { ru: 'декларация', zh: '声明', en: 'declaration' },
    into: 'zh',
  },
  {
    written: { ru: /сертификат/iu, zh: /认证|证书/u, en: /\bcertificat/iu },
    word: { ru: 'сертификат', zh: '认证', en: 'certificate' },
    into: 'zh',
  },
  {
    written: { ru: /санкц/iu, zh: /制裁/u, en: /sanction/iu },
    word: { ru: 'санкции', zh: '制裁', en: 'sanctions' },
  },
  {
    written: { ru: /оцинков/iu, zh: /镀锌/u, en: /galvani[sz]/iu },
    word: { ru: 'оцинкованный', zh: '镀锌', en: 'galvanised' },
  },
];

/**
 * The text with its language's word added right after the first term written in another script (so it stays in
 * the sentence that asks it), for each term the text does not already name in its own language.
 */
export function withOwnScriptTerms(text: string): string {
  const lang = detectLang(text)?.lang;
  if (!lang) return text;
  let out = text;
  for (const term of TERMS) {
    if (term.written[lang].test(out) || (term.into && term.into !== lang)) continue;
    for (const l of Object.keys(term.written) as Lang[]) {
      const m = l === lang ? null : term.written[l].exec(out);
      if (!m) continue;
      const end = wordEnd(out, m);
      out = `${out.slice(0, end)} ${term.word[lang]} ${out.slice(end)}`;
      break;
    }
  }
  return out === text ? text : out.replace(/ {2,}/g, ' ');
}
