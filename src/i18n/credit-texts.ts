// Words of the company check, in the three languages.
import type { Lang } from '../domain/lang.js';
import { isRegistrationNumber } from '../domain/registration-ids.js';
import { plural, type PluralForms } from './plural.js';

const ru = {
  title: 'Проверка контрагента',
  choose: 'Найдено несколько компаний. Выберите нужную:',
  allDown: 'Сейчас не удалось получить данные ни от одного источника. Я не буду ничего придумывать — попробуйте позже.',
  sanctions: '⚠️ Совпадение в санкционных списках',
  noSanctions: 'Совпадений в санкционных списках нет',
  notScreened: 'Проверка по санкционным спискам не подключена',
  status: 'Статус',
  registered: 'Зарегистрирована',
  ageLabel: 'Возраст',
  ids: 'Регистрационные номера',
  address: 'Адрес',
  rating: 'Рейтинг поставщика данных',
  noRating: 'Рейтинга нет: источники его не дают, а сам я рейтинг не составляю.',
  missing: 'Не ответили',
  signals: 'Сигналы риска',
  inactive: 'статус не «действующая»',
  recent: 'зарегистрирована меньше года назад',
  mismatch: 'страна не совпадает с указанной',
  sample: 'ОБРАЗЕЦ ДАННЫХ (демо, не реальная компания)',
  source: 'источник',
  asOf: 'данные на',
  screened: 'проверено',
  usage: 'Укажите компанию: /credit <название> [страна, напр. KZ]',
  legal: 'При совпадении в санкционных списках обратитесь к юристу (/lawyer).',
  similar: 'Похожие названия',
};
type Key = keyof typeof ru;
const zh: Record<Key, string> = {
  title: '客户资信查询',
  choose: '找到多家公司，请选择：',
  allDown: '目前所有数据源都无法返回数据。我不会编造任何信息，请稍后再试。',
  sanctions: '⚠️ 制裁名单命中',
  noSanctions: '未命中制裁名单',
  notScreened: '未接入制裁名单筛查',
  status: '状态',
  registered: '注册日期',
  ageLabel: '成立年限',
  ids: '注册号',
  address: '地址',
  rating: '数据提供方的评级',
  noRating: '没有评级：数据源未提供，我也不会自行评级。',
  missing: '未响应',
  signals: '风险信号',
  inactive: '状态非“存续”',
  recent: '注册不满一年',
  mismatch: '国家与所填不符',
  sample: '样本数据（演示，非真实公司）',
  source: '来源',
  asOf: '数据截至',
  screened: '筛查日期',
  usage: '请写明公司：/credit <名称> [国家，如 KZ]',
  legal: '如命中制裁名单，请咨询律师（/lawyer）。',
  similar: '相似名称',
};
const en: Record<Key, string> = {
  title: 'Counterparty check',
  choose: 'Several companies match. Choose one:',
  allDown: 'No source could be reached just now. I will not make anything up — please try again later.',
  sanctions: '⚠️ Sanctions list match',
  noSanctions: 'No sanctions list match',
  notScreened: 'Sanctions screening is not connected',
  status: 'Status',
  registered: 'Registered',
  ageLabel: 'Age',
  ids: 'Registration ids',
  address: 'Address',
  rating: "Data provider's rating",
  noRating: 'No rating: the sources give none, and I do not make ratings up.',
  missing: 'Did not answer',
  signals: 'Risk signals',
  inactive: 'status is not active',
  recent: 'registered less than a year ago',
  mismatch: 'country differs from the one given',
  sample: 'SAMPLE DATA (demo, not a real company)',
  source: 'source',
  asOf: 'data as of',
  screened: 'screened',
  usage: 'Name the company: /credit <name> [country, e.g. KZ]',
  legal: 'For a sanctions match, talk to a lawyer (/lawyer).',
  similar: 'Similar names',
};
const all: Record<Lang, Record<Key, string>> = { ru, zh, en };
export function ct(lang: Lang, key: Key): string {
  return all[lang][key];
}

const SOURCE_NAMES: Record<Lang, Record<string, string>> = {
  ru: { local: 'реестр зоны (образцы данных)', gleif: 'GLEIF (коды LEI)', http: 'кредитный сервис' },
  zh: { local: '示范区登记库（样本数据）', gleif: 'GLEIF（LEI 编码）', http: '信用服务' },
  en: { local: 'the zone register (sample data)', gleif: 'GLEIF (LEI codes)', http: 'the credit service' },
};

/** Nothing found: which sources were searched, and what to try next (the country only when not given).
 * A registration number searched ("ИНН 7701234567") is named, and the next try is the name, not the spelling. */
export function noCompanyText(lang: Lang, sources: readonly string[], countryGiven: boolean, query?: string): string {
  const names = sources.map((s) => SOURCE_NAMES[lang][s] ?? s).join(lang === 'zh' ? '、' : ', ');
  if (query !== undefined && isRegistrationNumber(query)) {
    const n = query.trim();
    return {
      ru: `Ни в одном из подключённых источников (${names}) нет компании с регистрационным номером ${n}. Проверьте номер или напишите название компании, как в регистрационных документах.`,
      zh: `已查询的数据源（${names}）中没有注册号为 ${n} 的公司。请核对号码，或按注册文件上的写法输入公司名称。`,
      en: `None of the connected sources (${names}) has a company with registration number ${n}. Check the number, or give the company's name as in its registration documents.`,
    }[lang];
  }
  const next = {
    ru: countryGiven
      ? 'Проверьте написание или напишите название так, как в регистрационных документах.'
      : 'Проверьте написание или укажите страну.',
    zh: countryGiven ? '请检查拼写，或按注册文件上的写法输入名称。' : '请检查拼写或注明国家。',
    en: countryGiven
      ? 'Check the spelling, or write the name as in the registration documents.'
      : 'Check the spelling or give the country.',
  }[lang];
  const head = {
    ru: `Ни один из подключённых источников (${names}) не знает такой компании.`,
    zh: `已查询的数据源（${names}）中都没有这家公司。`,
    en: `None of the connected sources (${names}) knows such a company.`,
  }[lang];
  return `${head} ${next}`;
}

const years: Record<Lang, PluralForms> = {
  ru: { one: 'год', few: 'года', many: 'лет', other: 'года' },
  zh: { other: '年' },
  en: { one: 'year', other: 'years' },
};

/** "1 год", "3 года", "5 лет"; "1 year"; "5 年". */
export function ageText(lang: Lang, n: number): string {
  return plural(lang, n, years[lang]);
}

// Registry statuses as providers send them (GLEIF's and the zone service's words, any case).
const statuses: Record<Lang, Record<string, string>> = {
  ru: {
    active: 'действующая',
    inactive: 'недействующая',
    issued: 'LEI выдан',
    lapsed: 'LEI не продлён',
    retired: 'LEI погашен',
    merged: 'присоединена к другой компании',
    annulled: 'запись аннулирована',
    duplicate: 'дубликат записи',
    liquidated: 'ликвидирована',
    dissolved: 'ликвидирована',
    suspended: 'деятельность приостановлена',
    bankrupt: 'банкрот',
  },
  zh: {
    active: '存续',
    inactive: '非存续',
    issued: 'LEI 有效',
    lapsed: 'LEI 已过期未续',
    retired: 'LEI 已注销',
    merged: '已被合并',
    annulled: '记录已撤销',
    duplicate: '重复记录',
    liquidated: '已清算',
    dissolved: '已解散',
    suspended: '已停业',
    bankrupt: '已破产',
  },
  en: {
    active: 'active',
    inactive: 'inactive',
    issued: 'LEI issued',
    lapsed: 'LEI lapsed',
    retired: 'LEI retired',
    merged: 'merged into another company',
    annulled: 'record annulled',
    duplicate: 'duplicate record',
    liquidated: 'liquidated',
    dissolved: 'dissolved',
    suspended: 'suspended',
    bankrupt: 'bankrupt',
  },
};

/** A provider's status in the reader's words; one we do not know is shown as the provider wrote it. */
export function statusText(lang: Lang, status: string): string {
  return (
    statuses[lang][
      status
        .trim()
        .toLowerCase()
        .replace(/[\s_-]+/g, ' ')
    ] ?? status
  );
}
