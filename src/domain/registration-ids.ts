// A company's registration number as exporters give it in chat ("ИНН 7701234567", "БИН 180340021234",
// "统一社会信用代码 91370200…", "BIN: 000000000002"): often all they have of a new buyer, and a surer key
// than a name spelt three ways. The kind of number says the country where its length does.

export interface RegistrationId {
  /** The number as the registries write it: digits (Latin capitals too for a Chinese code). */
  value: string;
  /** ISO country the number's kind and length belong to, when they say. */
  country?: string;
}

// Russian ИНН: 10 digits for a company, 12 for a person; ОГРН 13 (15 for a sole trader). Uzbek ИНН (СТИР):
// 9 digits; Kyrgyz ИНН: 14. Kazakh БИН / ИИН: 12. Belarusian УНП: 9. Chinese unified social credit code: 18.
const LABELLED =
  /(?:^|[^\p{L}])(ИНН|БИН|ИИН|ОГРН|ОГРНИП|УНП|СТИР|INN|BIN|IIN|OGRN|UNP|TIN|统一社会信用代码|社会信用代码|信用代码|税号|纳税人识别号)\s*(?:[:：№#]\s*|number\s+|номер\s+)?([0-9A-Z]{9,18})(?![0-9A-Za-z])/iu;

const COUNTRY_BY_KIND: Record<string, (digits: string) => string | undefined> = {
  инн: (d) => (d.length === 9 ? 'UZ' : d.length === 14 ? 'KG' : d.length === 10 || d.length === 12 ? 'RU' : undefined),
  inn: (d) => COUNTRY_BY_KIND.инн!(d),
  огрн: () => 'RU',
  огрнип: () => 'RU',
  ogrn: () => 'RU',
  бин: (d) => (d.length === 12 ? 'KZ' : undefined),
  иин: (d) => (d.length === 12 ? 'KZ' : undefined),
  bin: (d) => (d.length === 12 ? 'KZ' : undefined),
  iin: (d) => (d.length === 12 ? 'KZ' : undefined),
  унп: () => 'BY',
  unp: () => 'BY',
  стир: () => 'UZ',
  统一社会信用代码: (d) => (d.length === 18 ? 'CN' : undefined),
  社会信用代码: (d) => (d.length === 18 ? 'CN' : undefined),
  信用代码: (d) => (d.length === 18 ? 'CN' : undefined),
};

/** The registration number a message gives, with its country when its kind and length say it. */
export function registrationIdIn(text: string): RegistrationId | undefined {
  const m = LABELLED.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const value = m[2]!.toUpperCase();
  // A Chinese code mixes capitals and digits; every other kind is digits only.
  const kind = m[1]!.toLowerCase();
  if (!/代码/u.test(kind) && !/^\d+$/.test(value)) return undefined;
  const country = COUNTRY_BY_KIND[kind]?.(value);
  return { value, ...(country ? { country } : {}) };
}

/** Whether a lookup's query is a registration number rather than a name. */
export function isRegistrationNumber(query: string): boolean {
  return /^(?:\d{9,15}|[0-9A-Z]{18})$/.test(query.trim());
}

/** What a company check searches for: the number when the text gives one with its kind ("ИНН 7701234567"), in
 * the country the number's kind says unless one is given; the text itself otherwise. */
export function creditQuery(text: string, country?: string): { name: string; country: string | undefined } {
  const registration = registrationIdIn(text);
  return registration
    ? { name: registration.value, country: country ?? registration.country }
    : { name: text, country };
}
