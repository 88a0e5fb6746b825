// Words of the route planner, in the three languages.
import type { Lang } from '../domain/lang.js';
import { pluralRange, type PluralForms } from './plural.js';

const DAYS: Record<Lang, PluralForms> = {
  ru: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
  zh: { other: '天' },
  en: { one: 'day', other: 'days' },
};

/** "8–12 дней", "21–23 дня", "1 day", "3–5 天". */
export function daysText(lang: Lang, r: { min: number; max: number }): string {
  return pluralRange(lang, r.min, r.max, DAYS[lang]);
}

/** The transport documents the planner names (route-summary.ts), in the reader's language. */
const DOCUMENTS = {
  'bill of lading': { ru: 'коносамент', zh: '海运提单', en: 'bill of lading' },
  'air waybill': { ru: 'авиагрузовая накладная', zh: '航空运单', en: 'air waybill' },
  'CMR consignment note': { ru: 'накладная CMR', zh: 'CMR 运单', en: 'CMR consignment note' },
  'CMR consignment note + TIR carnet': {
    ru: 'накладная CMR + книжка МДП (TIR)',
    zh: 'CMR 运单 + TIR 证',
    en: 'CMR consignment note + TIR carnet',
  },
  'SMGS consignment note': { ru: 'накладная СМГС', zh: '国际货协运单（SMGS）', en: 'SMGS consignment note' },
  'CIM/SMGS consignment note': { ru: 'накладная ЦИМ/СМГС', zh: 'CIM/SMGS 统一运单', en: 'CIM/SMGS consignment note' },
} satisfies Record<string, Record<Lang, string>>;

/** The planner names a document only from this list, so every one has its words in each language. */
export type TransportDocument = keyof typeof DOCUMENTS;

export function documentText(lang: Lang, document: TransportDocument): string {
  return DOCUMENTS[document][lang];
}

const ru = {
  noRouteNote: 'Маршрут не найден.',
  details: 'Подробнее: участки, документы',
  title: 'Маршруты',
  direct: 'прямой сервис (по данным источника)',
  'best-rail': 'лучший по ж/д',
  'best-sea': 'лучший морем',
  'best-road': 'лучший авто',
  'best-air': 'лучший авиа',
  fastest: 'самый быстрый',
  legsOnly: 'сумма участков, без терминалов',
  atLeast: 'не меньше',
  partAlone: 'только до пункта {place}',
  cheapest: 'самый дешёвый',
  greenest: 'наименьшие выбросы',
  balanced: 'сбалансированный',
  cost: 'стоимость',
  noCost: 'нет данных о стоимости',
  co2: 'CO₂',
  noRoute: 'Маршрут не найден при этих условиях.',
  noRouteByMode: 'Вариантов «{mode}» для этого направления в наших данных нет; другие варианты:',
  noRouteForMode: 'Вариантов «{mode}» для этого направления в наших данных нет.',
  noRouteVia: 'Маршрута через {via} для этого направления в наших данных нет; другие варианты:',
  onlyToVia: 'Участка {via} → {to} в наших данных нет; ниже — маршрут только до этого пункта ({via}):',
  samePlace: 'пункт отправления и пункт назначения совпадают.',
  unknownPlace: 'Не знаю такого пункта',
  crossings: 'переходы',
  or: 'или',
  via: 'через',
  documents: 'документы',
  incoterms: 'Инкотермс 2020',
  figures: 'данные на',
  usage: 'Использование: /route <откуда> <куда> [20ft|40ft|lcl|reefer|dg]',
  rail: 'ж/д',
  sea: 'море',
  road: 'авто',
  air: 'авиа',
  estimated: 'оценка',
  noCheapest: 'Полная стоимость известна меньше чем для двух маршрутов, поэтому самый дешёвый не назван.',
  noGreenest: 'Данные для расчёта CO₂ есть меньше чем для двух маршрутов, поэтому самый экологичный не назван.',
};
type Key = keyof typeof ru;
const zh: Record<Key, string> = {
  noRouteNote: '未找到线路。',
  details: '详情：分段、单证',
  title: '运输线路',
  direct: '直达班列/服务（来源数据）',
  'best-rail': '铁路最佳',
  'best-sea': '海运最佳',
  'best-road': '公路最佳',
  'best-air': '空运最佳',
  fastest: '最快',
  legsOnly: '分段相加，不含场站时间',
  atLeast: '至少',
  partAlone: '仅到{place}',
  cheapest: '最便宜',
  greenest: '排放最低',
  balanced: '综合最优',
  cost: '费用',
  noCost: '无费用数据',
  co2: 'CO₂',
  noRoute: '在这些条件下找不到线路。',
  noRouteByMode: '我们的数据中没有该方向的{mode}线路；其他方式：',
  noRouteForMode: '我们的数据中没有该方向的{mode}线路。',
  noRouteVia: '我们的数据中没有该方向经{via}的线路；其他方式：',
  onlyToVia: '我们的数据中没有从{via}到{to}的线路；以下仅为到{via}的一段：',
  samePlace: '起点和终点是同一个地方。',
  unknownPlace: '不认识这个地点',
  crossings: '口岸',
  or: '或',
  via: '经',
  documents: '单证',
  incoterms: '国际贸易术语2020',
  figures: '数据截至',
  usage: '用法：/route <起点> <终点> [20ft|40ft|lcl|reefer|dg]',
  rail: '铁路',
  sea: '海运',
  road: '公路',
  air: '空运',
  estimated: '估算',
  noCheapest: '具备完整费用数据的线路不足两条，因此不标注最便宜线路。',
  noGreenest: '具备CO₂计算数据的线路不足两条，因此不标注最低排放线路。',
};
const en: Record<Key, string> = {
  noRouteNote: 'No route found.',
  details: 'Details: legs, documents',
  title: 'Routes',
  direct: 'through service (as reported)',
  'best-rail': 'best by rail',
  'best-sea': 'best by sea',
  'best-road': 'best by road',
  'best-air': 'best by air',
  fastest: 'fastest',
  legsOnly: 'legs added up, no terminal time',
  atLeast: 'at least',
  partAlone: 'to {place} alone',
  cheapest: 'cheapest',
  greenest: 'lowest emissions',
  balanced: 'balanced',
  cost: 'cost',
  noCost: 'no cost figure',
  co2: 'CO₂',
  noRoute: 'No route under these conditions.',
  noRouteByMode: 'No {mode} route in our data for this trip; the other ways:',
  noRouteForMode: 'No {mode} route in our data for this trip.',
  noRouteVia: 'No route via {via} in our data for this trip; the other ways:',
  onlyToVia: 'Our data has no leg {via} → {to}; below is only the trip as far as {via}:',
  samePlace: 'the origin and the destination are the same place.',
  unknownPlace: 'I do not know the place',
  crossings: 'crossings',
  or: 'or',
  via: 'via',
  documents: 'documents',
  incoterms: 'Incoterms 2020',
  figures: 'figures as of',
  usage: 'Usage: /route <from> <to> [20ft|40ft|lcl|reefer|dg]',
  rail: 'rail',
  sea: 'sea',
  road: 'road',
  air: 'air',
  estimated: 'estimate',
  noCheapest: 'Fewer than two routes have a complete cost figure, so none is named the cheapest.',
  noGreenest: 'Fewer than two routes have the data for a CO₂ total, so none is named the lowest-emission.',
};
const all: Record<Lang, Record<Key, string>> = { ru, zh, en };
export function routeText(lang: Lang, key: Key): string {
  return all[lang][key];
}

import type { Caveat, CaveatLeg } from '../domain/route-caveat.js';

/** "Циндао–Москва (авиа)", "Qingdao–St Petersburg (sea, Suez)". */
function legsText(lang: Lang, legs: readonly CaveatLeg[]): string {
  return legs
    .map((l) =>
      lang === 'zh'
        ? `${l.places}（${routeText(lang, l.mode)}${l.crossing ? `，${l.crossing}` : ''}）`
        : `${l.places} (${routeText(lang, l.mode)}${l.crossing ? `, ${l.crossing}` : ''})`,
    )
    .join(lang === 'zh' ? '、' : ', ');
}

export function caveatText(c: Caveat, lang: Lang): string {
  const T: Record<Lang, (c: Caveat) => string> = {
    ru: (c) => {
      switch (c.code) {
        case 'no-cost':
          return c.legs.length
            ? `Нет данных о стоимости (${c.container}) для участков: ${legsText('ru', c.legs)} — итоговой стоимости нет.`
            : `Нет данных о стоимости (${c.container}) ни для одного из этих маршрутов.`;
        case 'mixed-currency':
          return 'Стоимость участков в разных валютах — итог не приводится.';
        case 'co2-assumed-weight':
          return `CO₂ посчитан для ${c.weightT} т груза на ${c.container === 'lcl' ? 'отправку' : `контейнер ${c.container}`}.`;
        case 'no-co2':
          return c.legs.length
            ? `Нет расстояния или коэффициента выбросов для участков: ${legsText('ru', c.legs)} — итога CO₂ нет.`
            : 'Ни для одного из этих маршрутов нет данных для расчёта CO₂.';
        case 'estimates':
          return 'Часть цифр — наши оценки на основе источников (помечены), а не опубликованные значения.';
        case 'gauge-change':
          return 'Смена колеи (1435/1520 мм) на границе: простой зависит от загрузки перехода.';
        case 'not-a-quote':
          return 'Типичные диапазоны из открытых источников с годом — не котировка; ставку уточните у экспедитора.';
        case 'composed':
          return c.partTo
            ? `Срок сложен из отдельных участков без времени на терминалах и консолидацию; по данным источника, сквозной сервис только до пункта ${c.partTo.ru} идёт ${daysText('ru', c)}.`
            : `Срок сложен из отдельных участков без времени на терминалах и консолидацию; сквозной сервис на этом направлении, по данным источника, идёт ${daysText('ru', c)}.`;
        case 'benchmark':
          return `Сквозной сервис на этом направлении в источниках не найден; из пункта ${c.from.ru} до того же пункта назначения, по данным источника, идёт ${daysText('ru', c)} (${c.year}).`;
        case 'no-fob':
          return 'FOB, CFR, CIF и FAS — для морского и внутреннего водного транспорта; для этого маршрута используйте FCA, CPT или CIP.';
        case 'crossing-not-stated':
          return `Сквозной сервис: источники не говорят, через какой переход он идёт, — возможно, не через ${c.via.ru}.`;
      }
    },
    zh: (c) => {
      switch (c.code) {
        case 'no-cost':
          return c.legs.length
            ? `以下路段没有${c.container}费用数据：${legsText('zh', c.legs)}——无法给出总费用。`
            : `这些线路都没有${c.container}费用数据。`;
        case 'mixed-currency':
          return '各路段费用币种不同，不给出总额。';
        case 'co2-assumed-weight':
          return `CO₂按每${c.container === 'lcl' ? '票货' : `个${c.container}集装箱`}${c.weightT}吨货物计算。`;
        case 'no-co2':
          return c.legs.length
            ? `以下路段没有距离或排放系数：${legsText('zh', c.legs)}——无法给出CO₂总量。`
            : '这些线路都缺少计算CO₂所需的数据。';
        case 'estimates':
          return '部分数字是根据来源推算的估计值（已标注），不是公布的数值。';
        case 'gauge-change':
          return '口岸换轨（1435/1520毫米）：停留时间取决于口岸拥堵情况。';
        case 'not-a-quote':
          return '数字为公开来源的典型区间并注明年份，不是报价；运价请向货代询问。';
        case 'composed':
          return c.partTo
            ? `时间由各路段相加，未计入场站和集货时间；据来源，仅到${c.partTo.zh}的直达服务就需${c.min === c.max ? c.min : `${c.min}–${c.max}`}天。`
            : `时间由各路段相加，未计入场站和集货时间；据来源，该方向直达服务需${c.min === c.max ? c.min : `${c.min}–${c.max}`}天。`;
        case 'benchmark':
          return `未找到该方向的直达服务；据来源，从${c.from.zh}到同一目的地的直达服务需${c.min === c.max ? c.min : `${c.min}–${c.max}`}天（${c.year}年）。`;
        case 'no-fob':
          return 'FOB、CFR、CIF、FAS仅适用于海运和内河运输；本线路请使用FCA、CPT或CIP。';
        case 'crossing-not-stated':
          return `直达服务：来源未说明经哪个口岸，不一定经${c.via.zh}。`;
      }
    },
    en: (c) => {
      switch (c.code) {
        case 'no-cost':
          return c.legs.length
            ? `No ${c.container} cost figure for ${legsText('en', c.legs)}: no total cost.`
            : `No ${c.container} cost figure for any of these routes.`;
        case 'mixed-currency':
          return 'Leg costs are in different currencies: no total is given.';
        case 'co2-assumed-weight':
          return `CO₂ assumes ${c.weightT} t of cargo per ${c.container === 'lcl' ? 'shipment' : `${c.container} container`}.`;
        case 'no-co2':
          return c.legs.length
            ? `No distance or emission factor for ${legsText('en', c.legs)}: no CO₂ total.`
            : 'None of these routes has the data for a CO₂ total.';
        case 'estimates':
          return 'Some figures are our estimates derived from the sources (marked), not reported values.';
        case 'gauge-change':
          return 'Gauge change (1435/1520 mm) at the border: dwell times vary with congestion.';
        case 'not-a-quote':
          return 'Typical ranges from public sources with their years — not a quote; ask a forwarder for a rate.';
        case 'composed':
          return c.partTo
            ? `Time summed from separate legs, without terminal and consolidation time; a through service to ${c.partTo.en} alone is reported at ${daysText('en', c)}.`
            : `Time summed from separate legs, without terminal and consolidation time; the through service on this trip is reported at ${daysText('en', c)}.`;
        case 'benchmark':
          return `No through service on this trip is reported; one from ${c.from.en} to the same destination is reported at ${daysText('en', c)} (${c.year}).`;
        case 'no-fob':
          return 'FOB, CFR, CIF and FAS are for sea and inland waterway transport: use FCA, CPT or CIP for this route.';
        case 'crossing-not-stated':
          return `Through service: the sources do not say which crossing it takes — it may not go via ${c.via.en}.`;
      }
    },
  };
  return T[lang](c);
}

/** Border places the network names only inside a crossing ("Saryagash (KZ–UZ)"), not as nodes. */
export const CROSSING_PLACES: ReadonlyArray<Record<Lang, string>> = [
  { en: 'Saryagash', ru: 'Сарыагаш', zh: '萨雷阿加什' },
  { en: 'Dustlik', ru: 'Дустлик', zh: '杜斯特利克' },
  { en: 'Torugart', ru: 'Торугарт', zh: '吐尔尕特' },
  { en: 'Terespol', ru: 'Тересполь', zh: '特雷斯波尔' },
  { en: 'Zamyn-Uud', ru: 'Замын-Ууд', zh: '扎门乌德' },
  { en: 'Sükhbaatar', ru: 'Сухэ-Батор', zh: '苏赫巴托尔' },
  // The passage a sea route takes (trial 10: three sea options to St Petersburg read alike, and the summer-only
  // Northern Sea Route came first as "fastest" without its name).
  { en: 'Suez Canal', ru: 'Суэцкий канал', zh: '苏伊士运河' },
  { en: 'Cape of Good Hope', ru: 'мыс Доброй Надежды', zh: '好望角' },
  { en: 'Northern Sea Route, summer only', ru: 'Северный морской путь, только летом', zh: '北方海航道，仅夏季' },
];

/** A crossing or sea passage named in English in the network, in the reader's language. */
export function crossingName(en: string, lang: Lang): string {
  return CROSSING_PLACES.find((p) => p.en === en)?.[lang] ?? en;
}
