// What can be watched: markets (EAEU and SCO members), product groups and regulations (the marking
// system, TR CU numbers, HS chapters) and topics. Each item names itself in three languages and
// carries the words and slugs that tie a document or an ePing notification to it.
import type { Lang } from '../domain/lang.js';
import { EAEU_MEMBERS, marketName } from '../domain/markets.js';
import { PRODUCT_GROUPS } from '../domain/product-groups.js';

/** EAEU members and SCO member states: the markets the watch (and the ePing import) covers. */
export const SCO_MEMBERS = ['CN', 'RU', 'KZ', 'KG', 'TJ', 'UZ', 'IN', 'PK', 'IR', 'BY'] as const;
export const WATCH_MARKETS: readonly string[] = [...new Set<string>([...EAEU_MEMBERS, ...SCO_MEMBERS])];

export type WatchKind = 'market' | 'product' | 'topic';

export interface WatchItem {
  id: string;
  kind: WatchKind;
  /** Which picker page shows it. */
  page: 'markets' | 'regs' | 'hs' | 'topics';
  names: Record<Lang, string>;
  /** Word beginnings (Latin, Cyrillic, lower case) or Chinese words found in a title or text. */
  terms: string[];
  /** Document slugs that belong to it outright. */
  slugs?: RegExp;
  /** Categories that belong to it outright. */
  categories?: string[];
  /** HS code beginnings (an ePing notification lists the codes it covers). */
  hs?: string[];
}

const group = (id: string) => PRODUCT_GROUPS.find((g) => g.id === id);
const groupTerms = (...ids: string[]) =>
  ids.flatMap((id) => [...(group(id)?.terms ?? []), ...(group(id)?.expand ?? []).map((t) => t.toLowerCase())]);

const TR: Array<[string, string, Record<Lang, string>]> = [
  ['004', 'cu', { ru: 'низковольтное оборудование', zh: '低压设备', en: 'low-voltage equipment' }],
  ['005', 'cu', { ru: 'упаковка', zh: '包装', en: 'packaging' }],
  ['007', 'cu', { ru: 'детские товары', zh: '儿童用品', en: "children's products" }],
  ['008', 'cu', { ru: 'игрушки', zh: '玩具', en: 'toys' }],
  ['009', 'cu', { ru: 'парфюмерия и косметика', zh: '化妆品', en: 'cosmetics' }],
  ['010', 'cu', { ru: 'машины и оборудование', zh: '机械设备', en: 'machinery' }],
  ['017', 'cu', { ru: 'лёгкая промышленность', zh: '轻工产品', en: 'light industry' }],
  ['019', 'cu', { ru: 'СИЗ', zh: '个人防护装备', en: 'PPE' }],
  ['020', 'cu', { ru: 'ЭМС', zh: '电磁兼容', en: 'EMC' }],
  ['021', 'cu', { ru: 'безопасность пищевой продукции', zh: '食品安全', en: 'food safety' }],
  ['022', 'cu', { ru: 'маркировка пищевой продукции', zh: '食品标签', en: 'food labelling' }],
  ['025', 'cu', { ru: 'мебель', zh: '家具', en: 'furniture' }],
  ['032', 'cu', { ru: 'оборудование под давлением', zh: '压力设备', en: 'pressure equipment' }],
  ['037', 'eaeu', { ru: 'ограничение опасных веществ', zh: '有害物质限制', en: 'RoHS' }],
];

const trItems: WatchItem[] = TR.map(([n, union, what]) => {
  const year = union === 'eaeu' ? '2016' : '2011';
  const ru = union === 'eaeu' ? `ТР ЕАЭС ${n}/${year}` : `ТР ТС ${n}/${year}`;
  const en = union === 'eaeu' ? `TR EAEU ${n}/${year}` : `TR CU ${n}/${year}`;
  return {
    id: `tr-${n}`,
    kind: 'product',
    page: 'regs',
    names: { ru: `${ru} (${what.ru})`, zh: `${en}（${what.zh}）`, en: `${en} (${what.en})` },
    terms: [`тр тс ${n}`, `тр еаэс ${n}`, `tr cu ${n}`, `tr eaeu ${n}`, `${n}/${year}`],
    slugs: new RegExp(`^tr-(cu|eaeu)-${n}(-|$)`),
  };
});

const HS: Array<[string, string[], Record<Lang, string>]> = [
  ['04', ['food'], { ru: 'молочная продукция', zh: '乳制品', en: 'dairy' }],
  ['30', ['pharmaceuticals'], { ru: 'лекарства', zh: '药品', en: 'pharmaceuticals' }],
  ['33', ['cosmetics'], { ru: 'парфюмерия, косметика', zh: '化妆品', en: 'cosmetics' }],
  ['61', ['light-industry'], { ru: 'трикотаж', zh: '针织服装', en: 'knitted apparel' }],
  ['62', ['light-industry'], { ru: 'одежда', zh: '服装', en: 'apparel' }],
  ['64', [], { ru: 'обувь', zh: '鞋类', en: 'footwear' }],
  ['84', ['machinery'], { ru: 'машины, оборудование', zh: '机械', en: 'machinery' }],
  ['85', ['electronics'], { ru: 'электрооборудование', zh: '电气设备', en: 'electrical equipment' }],
  ['87', ['vehicles'], { ru: 'транспортные средства', zh: '车辆', en: 'vehicles' }],
  ['94', ['furniture'], { ru: 'мебель', zh: '家具', en: 'furniture' }],
  ['95', ['toys'], { ru: 'игрушки', zh: '玩具', en: 'toys' }],
];

const FOOTWEAR = ['обув', 'footwear', 'shoe', '鞋'];

const hsItems: WatchItem[] = HS.map(([chapter, groups, what]) => ({
  id: `hs${chapter}`,
  kind: 'product',
  page: 'hs',
  names: {
    ru: `ТН ВЭД ${chapter} (${what.ru})`,
    zh: `HS ${chapter}（${what.zh}）`,
    en: `HS ${chapter} (${what.en})`,
  },
  terms: [
    ...(chapter === '64' ? FOOTWEAR : groupTerms(...groups)),
    `тн вэд ${chapter}`,
    `hs ${chapter}`,
    `глава ${chapter}`,
    `chapter ${chapter}`,
  ],
  hs: [chapter],
}));

export const WATCH_ITEMS: readonly WatchItem[] = [
  ...WATCH_MARKETS.map((code): WatchItem => ({
    id: code,
    kind: 'market',
    page: 'markets',
    names: { ru: marketName(code, 'ru'), zh: marketName(code, 'zh'), en: marketName(code, 'en') },
    terms: [],
  })),
  {
    id: 'marking',
    kind: 'product',
    page: 'regs',
    names: {
      ru: 'Маркировка («Честный ЗНАК» и др.)',
      zh: '商品数字标识（Честный ЗНАК 等）',
      en: 'Marking (Chestny ZNAK etc.)',
    },
    terms: ['честный знак', 'маркировк', 'datamatrix', 'chestny znak', 'marking', '标识', '数字标识', '追溯'],
  },
  ...trItems,
  ...hsItems,
  {
    id: 'customs',
    kind: 'topic',
    page: 'topics',
    names: { ru: 'Таможня и пошлины', zh: '海关与关税', en: 'Customs and duties' },
    terms: [
      'таможен',
      'пошлин',
      'тн вэд',
      'антидемпинг',
      'customs',
      'duty',
      'duties',
      'tariff',
      'anti-dumping',
      '海关',
      '关税',
      '反倾销',
    ],
  },
  {
    id: 'logistics',
    kind: 'topic',
    page: 'topics',
    names: { ru: 'Логистика', zh: '物流', en: 'Logistics' },
    terms: ['логист', 'перевоз', 'logistic', 'freight', 'transit', '物流', '运输', '班列'],
    categories: ['logistics'],
  },
  {
    id: 'sanctions',
    kind: 'topic',
    page: 'topics',
    names: { ru: 'Санкции и экспортный контроль', zh: '制裁与出口管制', en: 'Sanctions and export control' },
    terms: ['санкц', 'экспортный контроль', 'экспортного контроля', 'sanction', 'export control', '制裁', '出口管制'],
  },
  {
    id: 'payments',
    kind: 'topic',
    page: 'topics',
    names: { ru: 'Платежи и валютный контроль', zh: '支付与外汇', en: 'Payments and currency control' },
    terms: ['платеж', 'валют', 'расчет', 'payment', 'currency', 'settlement', '支付', '结算', '外汇', '收汇'],
  },
  {
    id: 'certification',
    kind: 'topic',
    page: 'topics',
    names: { ru: 'Сертификация и техрегламенты', zh: '认证与技术法规', en: 'Certification and technical rules' },
    terms: [
      'сертифик',
      'декларац',
      'техрегламент',
      'certific',
      'conformity',
      'technical regulation',
      '认证',
      '符合性',
      '技术法规',
    ],
    categories: ['market-access'],
  },
];

const BY_ID = new Map(WATCH_ITEMS.map((i) => [i.id.toLowerCase(), i]));

export function watchItem(id: string): WatchItem | undefined {
  return BY_ID.get(id.toLowerCase());
}

export function itemName(id: string, lang: Lang): string {
  return watchItem(id)?.names[lang] ?? id;
}

const LETTER = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

/** A term at a word start (Latin, Cyrillic) or anywhere (Chinese), in a lower-cased text. */
export function hasTerm(lower: string, term: string): boolean {
  if (HAN.test(term)) return lower.includes(term);
  for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1))
    if (at === 0 || !LETTER.test(lower[at - 1]!)) return true;
  return false;
}
