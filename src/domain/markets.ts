// The markets a message names, in Russian, Chinese or English: country names in their case forms,
// adjectives, demonyms and the main cities. Used to prefer documents about the market asked about,
// to label passages by country, and to route a legal ticket to the right jurisdiction from the
// exporter's own words.
import { boundedMemo } from './bounded-memo.js';
import { escapeRegExp } from './escape-regexp.js';
import type { Lang } from './lang.js';
import { wordEndAt } from './word-end.js';

interface Market {
  /** Word beginnings in Latin or Cyrillic script (matched at a word start, any ending). */
  stems: string[];
  /** Chinese names (matched anywhere but after the characters in `notAfter`). */
  han: string[];
  /** 白俄罗斯 is Belarus, not Russia; 内蒙古 is a Chinese region, not Mongolia. */
  notAfter?: string;
  names: Record<Lang, string>;
}

export const MARKETS: Record<string, Market> = {
  RU: {
    stems: [
      'росси',
      'рф',
      'русск',
      'российск',
      'москв',
      'московск',
      // As chat writes the two capitals ("покупатель из мск", trial 20b t20b-14); short stems end a word.
      'мск',
      'спб',
      'санкт-петербург',
      'петербург',
      'питер',
      'новосибирск',
      'екатеринбург',
      'владивосток',
      'новороссийск',
      'russia',
      'russian',
      'moscow',
      'st petersburg',
      'saint petersburg',
      'novosibirsk',
      'yekaterinburg',
      'vladivostok',
      'novorossiysk',
    ],
    han: [
      '俄罗斯',
      '俄国',
      '俄方',
      '俄联邦',
      '莫斯科',
      '圣彼得堡',
      '新西伯利亚',
      '叶卡捷琳堡',
      '符拉迪沃斯托克',
      '海参崴',
      '新罗西斯克',
    ],
    names: { ru: 'Россия', zh: '俄罗斯', en: 'Russia' },
    notAfter: '白',
  },
  KZ: {
    stems: [
      // "казахи просят", "казахский", "Казахстан": the stem is matched at a word's start.
      'казах',
      'алматы',
      'алма-ат',
      'астан',
      'нур-султан',
      'шымкент',
      'караганд',
      'актау',
      'хоргос',
      'достык',
      'алтынкол',
      'kazakh',
      'kazakstan',
      'almaty',
      'alma-ata',
      'astana',
      'nur-sultan',
      'shymkent',
      'karaganda',
      'aktau',
      'dostyk',
      'altynkol',
      'khorgos',
      'horgos',
    ],
    han: [
      '哈萨克斯坦',
      '哈萨克',
      '哈国',
      '阿拉木图',
      '阿斯塔纳',
      '努尔苏丹',
      '奇姆肯特',
      '卡拉干达',
      '阿克套',
      '多斯特克',
      '阿尔腾科利',
    ],
    names: { ru: 'Казахстан', zh: '哈萨克斯坦', en: 'Kazakhstan' },
  },
  UZ: {
    stems: [
      // "узбеки просят отсрочку": the people name the market as the country does (trial 18b t18b-06).
      'узбек',
      'ташкент',
      'самарканд',
      'бухар',
      'андижан',
      'ферган',
      'uzbek',
      'tashkent',
      'samarkand',
      'bukhara',
      'andijan',
      'fergana',
    ],
    han: ['乌兹别克斯坦', '乌兹别克', '乌国', '塔什干', '撒马尔罕', '布哈拉', '安集延', '费尔干纳'],
    names: { ru: 'Узбекистан', zh: '乌兹别克斯坦', en: 'Uzbekistan' },
  },
  KG: {
    stems: ['киргиз', 'кыргыз', 'бишкек', 'ош ', 'kyrgyz', 'kirgiz', 'bishkek'],
    han: ['吉尔吉斯斯坦', '吉尔吉斯', '吉国', '比什凯克', '奥什'],
    names: { ru: 'Кыргызстан', zh: '吉尔吉斯斯坦', en: 'Kyrgyzstan' },
  },
  TJ: {
    stems: ['таджик', 'душанбе', 'tajik', 'dushanbe'],
    han: ['塔吉克斯坦', '塔吉克', '杜尚别'],
    names: { ru: 'Таджикистан', zh: '塔吉克斯坦', en: 'Tajikistan' },
  },
  TM: {
    stems: ['туркмен', 'ашхабад', 'turkmen', 'ashgabat'],
    han: ['土库曼斯坦', '土库曼', '阿什哈巴德'],
    names: { ru: 'Туркменистан', zh: '土库曼斯坦', en: 'Turkmenistan' },
  },
  BY: {
    stems: ['беларус', 'белорус', 'минск', 'брест', 'belarus', 'byelorus', 'minsk', 'brest'],
    han: ['白俄罗斯', '白俄', '明斯克', '布列斯特'],
    names: { ru: 'Беларусь', zh: '白俄罗斯', en: 'Belarus' },
  },
  AM: {
    stems: ['армени', 'армянск', 'ереван', 'armenia', 'yerevan'],
    han: ['亚美尼亚', '埃里温'],
    names: { ru: 'Армения', zh: '亚美尼亚', en: 'Armenia' },
  },
  MN: {
    stems: ['монгол', 'улан-батор', 'улан батор', 'замын-ууд', 'mongol', 'ulaanbaatar', 'ulan bator', 'zamyn-uud'],
    han: ['蒙古', '乌兰巴托', '扎门乌德'],
    names: { ru: 'Монголия', zh: '蒙古国', en: 'Mongolia' },
    notAfter: '内',
  },
  CN: {
    stems: [
      'китай',
      'китая',
      'кнр',
      'китайск',
      'циндао',
      'пекин',
      'шанха',
      'china',
      'chinese',
      'prc',
      'qingdao',
      'beijing',
      'shanghai',
    ],
    han: ['中国', '我国', '国内', '青岛', '北京', '上海'],
    names: { ru: 'Китай', zh: '中国', en: 'China' },
  },
  IN: {
    stems: ['индия', 'индии', 'индию', 'индией', 'индийск', 'мумба', 'нью-дели', 'india', 'indian', 'mumbai', 'delhi'],
    han: ['印度', '孟买', '新德里'],
    names: { ru: 'Индия', zh: '印度', en: 'India' },
  },
  PK: {
    stems: ['пакистан', 'карачи', 'pakistan', 'karachi'],
    han: ['巴基斯坦', '卡拉奇'],
    names: { ru: 'Пакистан', zh: '巴基斯坦', en: 'Pakistan' },
  },
  IR: {
    stems: ['иран', 'тегеран', 'iran', 'tehran'],
    han: ['伊朗', '德黑兰'],
    names: { ru: 'Иран', zh: '伊朗', en: 'Iran' },
  },
  AZ: {
    stems: ['азербайджан', 'баку', 'azerbaijan', 'baku'],
    han: ['阿塞拜疆', '巴库'],
    names: { ru: 'Азербайджан', zh: '阿塞拜疆', en: 'Azerbaijan' },
  },
  GE: {
    stems: ['грузия', 'грузии', 'грузию', 'грузинск', 'тбилиси', 'georgia', 'tbilisi'],
    han: ['格鲁吉亚', '第比利斯', '波季'],
    names: { ru: 'Грузия', zh: '格鲁吉亚', en: 'Georgia' },
  },
  // Markets outside the SCO and EAEU the knowledge base is not about: named so the assistant can say
  // it has nothing on them rather than answer with a neighbour's rules.
  ID: {
    stems: ['индонези', 'джакарт', 'indonesia', 'jakarta'],
    han: ['印尼', '印度尼西亚', '雅加达'],
    names: { ru: 'Индонезия', zh: '印度尼西亚', en: 'Indonesia' },
  },
  BR: {
    stems: ['бразили', 'сантос', 'brazil', 'santos', 'sao paulo'],
    han: ['巴西', '桑托斯', '圣保罗'],
    names: { ru: 'Бразилия', zh: '巴西', en: 'Brazil' },
  },
  NO: {
    stems: ['норвеги', 'осло', 'norway', 'norwegian', 'oslo'],
    han: ['挪威', '奥斯陆'],
    names: { ru: 'Норвегия', zh: '挪威', en: 'Norway' },
  },
  VN: {
    stems: ['вьетнам', 'ханой', 'хошимин', 'vietnam', 'hanoi', 'ho chi minh'],
    han: ['越南', '河内', '胡志明'],
    names: { ru: 'Вьетнам', zh: '越南', en: 'Vietnam' },
  },
  TH: {
    stems: ['таиланд', 'бангкок', 'thailand', 'bangkok'],
    han: ['泰国', '曼谷'],
    names: { ru: 'Таиланд', zh: '泰国', en: 'Thailand' },
  },
  TR: {
    stems: ['турци', 'турецк', 'стамбул', 'turkey', 'türkiye', 'turkish', 'istanbul'],
    han: ['土耳其', '伊斯坦布尔'],
    names: { ru: 'Турция', zh: '土耳其', en: 'Türkiye' },
  },
  AE: {
    stems: ['оаэ', 'дубай', 'эмират', 'uae', 'dubai', 'emirates'],
    han: ['阿联酋', '迪拜'],
    names: { ru: 'ОАЭ', zh: '阿联酋', en: 'the UAE' },
  },
  SA: {
    stems: ['саудовск', 'эр-рияд', 'saudi', 'riyadh'],
    han: ['沙特', '利雅得'],
    names: { ru: 'Саудовская Аравия', zh: '沙特阿拉伯', en: 'Saudi Arabia' },
  },
  // Trade destinations exporters ask about that no document covers (trial 12: Egypt's ACI pre-registration
  // was answered as if only the product were missing).
  EG: {
    stems: ['египет', 'египт', 'каир', 'egypt', 'cairo', 'alexandria'],
    han: ['埃及', '开罗', '亚历山大港'],
    names: { ru: 'Египет', zh: '埃及', en: 'Egypt' },
  },
  NG: {
    stems: ['нигери', 'лагос', 'nigeria', 'lagos'],
    han: ['尼日利亚', '拉各斯'],
    names: { ru: 'Нигерия', zh: '尼日利亚', en: 'Nigeria' },
  },
  MX: {
    stems: ['мексик', 'mexico', 'mexican'],
    han: ['墨西哥'],
    names: { ru: 'Мексика', zh: '墨西哥', en: 'Mexico' },
  },
  ZA: {
    stems: ['юар', 'южно-африканск', 'южная африка', 'южной африк', 'south africa', 'johannesburg', 'durban'],
    han: ['南非', '约翰内斯堡', '德班'],
    names: { ru: 'ЮАР', zh: '南非', en: 'South Africa' },
  },
  PH: {
    stems: ['филиппин', 'манил', 'philippine', 'manila'],
    han: ['菲律宾', '马尼拉'],
    names: { ru: 'Филиппины', zh: '菲律宾', en: 'the Philippines' },
  },
  IQ: {
    stems: ['ирак', 'багдад', 'iraq', 'baghdad'],
    han: ['伊拉克', '巴格达'],
    names: { ru: 'Ирак', zh: '伊拉克', en: 'Iraq' },
  },
  AR: {
    stems: ['аргентин', 'буэнос', 'argentin', 'buenos aires'],
    han: ['阿根廷'],
    names: { ru: 'Аргентина', zh: '阿根廷', en: 'Argentina' },
  },
  KE: {
    stems: ['кени', 'найроби', 'kenya', 'nairobi', 'mombasa'],
    han: ['肯尼亚', '内罗毕', '蒙巴萨'],
    names: { ru: 'Кения', zh: '肯尼亚', en: 'Kenya' },
  },
  IL: {
    stems: ['израил', 'тель-авив', 'israel', 'tel aviv'],
    han: ['以色列'],
    names: { ru: 'Израиль', zh: '以色列', en: 'Israel' },
  },
  QA: {
    stems: ['катар', 'доха', 'qatar', 'doha'],
    han: ['卡塔尔', '多哈'],
    names: { ru: 'Катар', zh: '卡塔尔', en: 'Qatar' },
  },
  LK: {
    stems: ['шри-ланк', 'шри ланк', 'коломбо', 'sri lanka', 'colombo'],
    han: ['斯里兰卡', '科伦坡'],
    names: { ru: 'Шри-Ланка', zh: '斯里兰卡', en: 'Sri Lanka' },
  },
  // Trial 29 t29-16: "充电宝…想出口到日本，PSE认证怎么办？" was answered with Mongolia's VAT. The country, not its adjective: a
  // Japanese machine or a Korean-owned factory is no market ("japan " with its space: not "japanese").
  JP: {
    stems: ['япони', 'токио', 'осака', 'japan ', 'japan?', 'japan.', 'japan,', 'tokyo', 'osaka'],
    han: ['日本', '东京', '大阪'],
    names: { ru: 'Япония', zh: '日本', en: 'Japan' },
  },
  KR: {
    stems: [
      'южная корея',
      'южной коре',
      'южную корею',
      'корея',
      'корею',
      'кореи',
      'сеул',
      'пусан',
      'south korea',
      'seoul',
      'busan',
    ],
    han: ['韩国', '首尔', '釜山'],
    names: { ru: 'Южная Корея', zh: '韩国', en: 'South Korea' },
  },
  AF: {
    stems: ['афганистан', 'кабул', 'afghanistan', 'kabul'],
    han: ['阿富汗', '喀布尔'],
    names: { ru: 'Афганистан', zh: '阿富汗', en: 'Afghanistan' },
  },
};

/** Documents about the whole union list its members; a question about "the EAEU" names none of them. */
export const EAEU_MEMBERS = ['RU', 'BY', 'KZ', 'AM', 'KG'] as const;
/** Words that name the union itself ("ЕАЭС", "EAEU", "欧亚经济联盟", "customs union"), not one of its members. */
export const NAMES_UNION = /ЕАЭС|EAEU|欧亚经济联盟|Таможенн\S*\s+союз|customs\s+union/iu;

const LETTER = /[\p{L}\p{N}]/u;

/** Where a market's stem begins a word of a lowercased text (ё read as е), or -1. */
export function stemAt(text: string, stem: string): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(stem, from);
    if (at < 0) return -1;
    // A word start: nothing or a non-letter before it. Short stems ("рф", "ош ") must also end a word.
    if (at === 0 || !LETTER.test(text[at - 1]!)) {
      const after = text[at + stem.length];
      if (stem.length > 3 || after === undefined || !LETTER.test(after)) return at;
    }
    from = at + 1;
  }
}

/** One-character names Chinese writes in pairs and after a preposition: 中俄 (China–Russia), 中吉乌
 * (China–Kyrgyzstan–Uzbekistan), 对哈出口 (exports to Kazakhstan), 输俄商品 (goods bound for Russia). */
const HAN_SHORT: Record<string, string> = {
  俄: 'RU',
  哈: 'KZ',
  吉: 'KG',
  乌: 'UZ',
  塔: 'TJ',
  白: 'BY',
  蒙: 'MN',
  巴: 'PK',
};
const HAN_PAIR = /([中对输赴])([俄哈吉乌塔白蒙巴]+)/gu;
/** After these, the character starts another word: 乌克兰 (Ukraine), 乌鲁木齐 (Urumqi), 哈尔滨 (Harbin),
 * 吉林 (Jilin), 塔城 (Tacheng), 巴西 (Brazil), 中巴车 (a minibus), 白色; 蒙古 and 白俄罗斯 are found whole. */
const NOT_SHORT: Record<string, RegExp> = {
  乌: /^[克鲁]/u,
  // 哈密 (Hami) and 巴克图 (Baketu) are a Xinjiang city and a border port.
  哈: /^[尔密]/u,
  吉: /^林/u,
  塔: /^[城楼吊]/u,
  巴: /^[西车士]|^克图/u,
  蒙: /^古/u,
  白: /^[色天银]/u,
};

const FULL_HAN_NAMES = Object.values(MARKETS).flatMap((m) => m.han.filter((name) => name.length > 1));

function shortHanMarkets(text: string): Array<{ code: string; at: number }> {
  const found: Array<{ code: string; at: number }> = [];
  for (const m of text.matchAll(HAN_PAIR)) {
    const chars = [...m[2]!];
    // 对白 / 对白天: a lone 白 after 对 is a word of its own, not Belarus.
    if (m[1] !== '中' && chars.length === 1 && chars[0] === '白') continue;
    let at = m.index + 1;
    for (const [i, c] of chars.entries()) {
      const rest = text.slice(at + 1);
      if (NOT_SHORT[c]?.test(rest)) break;
      // 对塔吉克斯坦, 对塔什干: a full name starts here and is found whole (not 塔 then 吉 as two markets).
      if (FULL_HAN_NAMES.some((name) => text.startsWith(name, at))) break;
      // 白俄: Belarus, whose own name follows.
      if (c === '白' && chars[i + 1] === '俄') break;
      found.push({ code: HAN_SHORT[c]!, at });
      at++;
    }
    if (m[1] === '中' && found.length > 0) found.push({ code: 'CN', at: m.index });
  }
  return found;
}

/** ISO codes of the markets a text names, in the order they first appear. */
export function detectMarkets(text: string): string[] {
  return marketMentions(text).map((f) => f.code);
}

/** Each market a text names, where its first mention begins and ends (offsets into the text), in the order they
 * appear. */
function marketMentions(text: string): Array<{ code: string; at: number; end: number }> {
  const lower = ` ${text.toLowerCase().replace(/ё/g, 'е')} `;
  const found: Array<{ code: string; at: number; end: number }> = [];
  for (const [code, market] of Object.entries(MARKETS)) {
    let first = -1;
    let end = -1;
    for (const stem of market.stems) {
      const at = stemAt(lower, stem);
      if (at >= 0 && (first < 0 || at < first)) [first, end] = [at, wordEndAt(lower, at + stem.length)];
    }
    for (const name of market.han) {
      for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
        if (market.notAfter && market.notAfter.includes(lower[at - 1] ?? '')) continue;
        if (first < 0 || at < first) [first, end] = [at, at + name.length];
        break;
      }
    }
    if (first >= 0) found.push({ code, at: first, end });
  }
  for (const short of shortHanMarkets(lower)) {
    const known = found.find((f) => f.code === short.code);
    if (!known) found.push({ ...short, end: short.at + 1 });
    else if (short.at < known.at) [known.at, known.end] = [short.at, short.at + 1];
  }
  // The text was read with a space before it.
  return found.sort((a, b) => a.at - b.at).map((f) => ({ code: f.code, at: f.at - 1, end: f.end - 1 }));
}

/** Two markets joined as one list: "乌兹别克斯坦和哈萨克斯坦", "乌兹别克斯坦、哈萨克斯坦", "в Узбекистан и Казахстан", "to Uzbekistan and
 * Kazakhstan". Not a comma, which as often parts two roles ("EAC cert issued in Kyrgyzstan, Russia customs will accept it?"). */
const COORDINATED = /^\s*(?:和|与|及|跟|或|、|\/|&|и|или|and|or)\s*$/iu;

/** Whether the last two foreign markets a text names are one list of destinations, not two roles ("a Kyrgyz certificate
 * for goods to Russia"). */
export function lastMarketsListed(text: string): boolean {
  const foreign = marketMentions(text).filter((m) => m.code !== 'CN');
  const [a, b] = foreign.slice(-2);
  return a !== undefined && b !== undefined && a.end <= b.at && COORDINATED.test(text.slice(a.end, b.at));
}

/** A border crossing the goods pass on their way ("через Хоргос", "via Dostyk", "经霍尔果斯") is not the market a sentence
 * is about: "Ташкент: около 16 дней у поезда … через Хоргос" counted as a Kazakh figure and led "сколько едет поезд из
 * циндао до алматы?" over the Almaty line (domain logistics-01). */
const VIA_CROSSING =
  /(?:через|via|through|经由?|途经)\s*(?:хоргос|достык|алтынкол|khorgos|horgos|dostyk|altynkol|霍尔果斯|多斯特克|阿尔腾科利)[\p{L}-]*/giu;

/** The markets a sentence of a document is about: those it names, but for a crossing it names as the way through. */
export function sentenceMarkets(text: string): string[] {
  return detectMarkets(text.replace(VIA_CROSSING, ' ').replace(WEB_ADDRESS, ' '));
}

/** A web address: the ".рф" of "честныйзнак.рф" names no market in the sentence ("check честныйзнак.рф before relying on
 * them" led "does chestny znak apply to shoes?" as if it were about Russia). Its labels are Latin or Cyrillic:
 * "哈萨克斯坦海关网站customs.gov.kz" keeps its market name (review of 2026-12-07). */
const WEB_ADDRESS =
  /[a-zа-яё\d-]+(?:\.[a-zа-яё\d-]+)*\.(?:рф|ru|kz|by|uz|kg|am|tj|cn|com|org|gov)(?![\p{L}\d])(?:\/\S*)?/giu;

/** Whether a document about these countries is the market's own note: about it alone, or beside China, where the goods
 * come from (the Turkmen note is [TM, CN]). */
export function isOwnNote(countries: readonly string[], market: string): boolean {
  return countries.includes(market) && countries.every((c) => c === market || c === 'CN');
}

/** The text without the names of the given markets ("НДС в России" → "НДС в "): a follow-up that
 * names another market replaces the previous one rather than adding to it. */
export function withoutMarkets(text: string, codes: readonly string[]): string {
  let out = text;
  for (const code of codes) {
    const market = MARKETS[code];
    if (!market) continue;
    for (const stem of market.stems) {
      out = out.replace(new RegExp(`(^|[^\\p{L}])${escapeRegExp(stem)}[\\p{L}-]*`, 'giu'), '$1');
    }
    // A space where the name stood: "中国和俄罗斯都是" without Russia is not "中国和都是", whose "和都" is a word of
    // its own to the bigram tokenizer (and outweighed "CISG" in a follow-up, fh-22).
    for (const name of market.han) out = out.split(name).join(' ');
  }
  return out.replace(/\s{2,}/g, ' ').trim();
}

/** The markets a question asks about. China is where the exporter ships from: naming it ("из Китая",
 * "从中国") says nothing about the destination, so it never counts. */
export function askedMarkets(text: string): string[] {
  const all = detectMarkets(text).filter((c) => c !== 'CN');
  if (all.length < 2) return all;
  // A language named beside another market ("to Kazakhstan … russian-only label is ok?", "этикетка на русском") is the
  // label's language, not a market asked: Russia's 22% VAT led the question on Kazakhstan's (trial 25 t25-09).
  const withoutLanguage = text.replace(LANGUAGE, ' ');
  const spoken = detectMarkets(withoutLanguage).filter((c) => c !== 'CN');
  const named = spoken.length > 0 ? spoken : all;
  if (named.length < 2) return named;
  const read = spoken.length > 0 ? withoutLanguage : text;
  // A market named only to compare with ("to Ulaanbaatar… do they take EAC like Russia?", "the same
  // system as in Russia?", "和俄罗斯一样吗") is not the one asked about, when another one is.
  const rest = detectMarkets(read.replace(COMPARED, ' ')).filter((c) => c !== 'CN');
  return rest.length > 0 ? rest : named;
}

const LANGUAGE =
  /\b(?:russian|kazakh|kyrgyz|uzbek|tajik|belarusian|mongolian)(?:[\s-]+only)?[\s-]+(?:labels?|labell?ing|language|text|version|translation|instructions?|manuals?)\b|\b(?:in|into)\s+(?:russian|kazakh|kyrgyz|uzbek|tajik|belarusian|mongolian)\b(?!\s+(?:market|retail|chains?|stores?|shops?|customs|compan|buyers?|clients?|partners?|distributors?))|на\s+(?:русском|казахском|кыргызском|киргизском|узбекском|таджикском|белорусском|монгольском)(?!\s+(?:рын|торгов|сет|сторон|таможн|компан|клиент|покупател|партн|дистриб))(?:\s+язык\S*)?|(?:русск|казахск|кыргызск|киргизск|узбекск|таджикск|белорусск|монгольск)\S*\s+(?:язык\S*|текст\S*|этикетк\S*|перевод\S*|верси\S*|инструкци\S*)|русскоязычн\S*|(?:俄|哈萨克|哈|吉尔吉斯|吉|乌兹别克|乌|塔吉克|塔|白俄罗斯|蒙古|蒙)(?:文|语)/giu;

const COMPARED =
  /(?:\blike|\bunlike|\bas\s+in|\bsame\s+as(?:\s+in)?|как\s+и\s+(?:в|во|для|у)|так\s+же,?\s+как\s+(?:и\s+)?(?:в|во|для|у)?)\s+(?:the\s+)?[\p{L}-]+|(?:像|跟|和|同)[^，。？！,.?!\s]{1,8}?(?:一样|相同)/giu;

/** Systems that belong to one market: a question about them is about that market though it names none. */
const IMPLIED: Array<[RegExp, string]> = [
  [/честн\S*\s+знак|chestn\S*\s+znak|honest\s+sign|诚信标志|真诚标志|ГИС\s*МТ/iu, 'RU'],
  [/ИС\s*МПТ|ЭСФ|СНТ\b/u, 'KZ'],
  // Russia's recycling fee, by the short name Russian chat gives it and the Chinese notes' name: "кто платит утильсбор - мы
  // или покупатель?" was asked which country. Not "утилизационный сбор" or "recycling fee", which Belarus charges too.
  [/утильсбор|报废税/iu, 'RU'],
];

/** The markets a question implies by naming a system of theirs ("Честный ЗНАК" → RU), when it names none. */
export function impliedMarkets(text: string): string[] {
  return [...new Set(IMPLIED.filter(([re]) => re.test(text)).map(([, code]) => code))];
}

export function marketName(code: string, lang: Lang): string {
  return MARKETS[code]?.names[lang] ?? code;
}

/**
 * Whether a document is about other markets than the asked ones: it names one or two markets besides
 * China and none of them is asked. China's side (export rules, currency, rebates) concerns every
 * shipment, so a document about China alone never is; a note on Belarus for Chinese exporters
 * (countries BY, CN) is, when the question asks about Uzbekistan. A document about a region (three
 * markets or more) may answer for a market it does not list ("the parties are …").
 */
const EAEU: ReadonlySet<string> = new Set(EAEU_MEMBERS);

/**
 * A section of a note on other markets that asks about the asked one alone: "Есть ли такой же сбор в
 * Казахстане?" in the Russian recycling-fee note. A heading that also names the note's own market
 * ("Работает ли в Казахстане российский Честный ЗНАК?" in a Kazakh note) compares and is about its own.
 */
export function sectionOnAsked(
  headingPath: readonly string[],
  countries: readonly string[],
  asked: ReadonlySet<string>,
): boolean {
  if (asked.size === 0) return false;
  // The document's title (the path's first heading) names its own market.
  const named = headingMarkets(headingPath.slice(1).join(' '));
  return named.some((m) => asked.has(m)) && !named.some((m) => m !== 'CN' && countries.includes(m));
}

/** The markets a section heading names, kept: retrieval and the lead ask it of the same headings on every
 * question. */
const headingMarkets = boundedMemo((heading: string): readonly string[] => detectMarkets(heading), 20_000);

export function aboutOtherMarkets(countries: readonly string[], asked: ReadonlySet<string>): boolean {
  if (asked.size === 0) return false;
  const foreign = countries.filter((c) => c !== 'CN');
  if (foreign.length === 0 || foreign.some((c) => asked.has(c))) return false;
  // A document on the EAEU's common rules is about its members: asked about Uzbekistan, an observer,
  // its tariff and fees are another market's (an EAEU anti-dumping duty led "а в узбекистане?", trial 5).
  if (foreign.every((c) => EAEU.has(c)) && ![...asked].some((c) => EAEU.has(c))) return true;
  return foreign.length <= 2;
}
