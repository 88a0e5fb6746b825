// A message that asks to check a company, in Russian, Chinese or English: a company named with a check
// word, a legal form and a name with little else, or a registration number; and whether it asks about
// the company's sanctions.
import { askedMarkets } from '../domain/markets.js';
import { registrationIdIn } from '../domain/registration-ids.js';
import { companyIn, hasLegalForm } from './company-names.js';
import type { Intent } from './intent.js';

export const CREDIT_CUE =
  /провер|кредитоспос|банкрот|есть\s+(?:по\s+\S+\s+)?инф|пробей|пробить|чекни|рейтинг|надежн|надёжн|благонадежн|платежеспособн|платёжеспособн|мошенник|жив(?:ая|ой)\s+компани|действующ|есть\s+инф|инфа\s+по|что\s+по\s|отгружать\s+без|查一下|查查|查下|查个|查询|核实|信用|资信|征信|评级|靠谱|可靠|正规|有没有问题|还在经营|注册多久|背景调查|\bcheck\b|verify|vet\b|legit|reliable|trustworth|credit\s+(?:check|rating|report)|creditworth|bankrupt|破产|\brating\b|still\s+active|red\s+flags|real\s+company|look\s+up|look\s+(?:them|it|him|her)\s+up|санкционн\S*\s+спис|в\s+санкц|sanctions?\s+(?:list|check|screen)|制裁名单|due\s+diligence|background\s+check/i;
// Asking what a legal form is, or how to set one up, is about law, not about a counterparty.
export const DEFINITIONAL =
  /что\s+такое|чем\s+отличается|как\s+самому|怎么自己|自己查|how\s+(?:can|do)\s+i\s+check\s+(?:a|the)?\s*compan|как\s+(?:нерезиденту\s+)?(?:открыть|зарегистрировать|создать)|открыть\s+(?:ооо|тоо)|регистрац|区别|(?:怎么|如何|怎样)注册|注册(?:一家|一个|流程|需要)|是什么|what\s+is\s+an?\b|what'?s\s+an?\b|how\s+(?:do\s+i|to)\s+(?:register|open|set\s+up)|different\s+from|insurance|страхован|保险|平台/i;
// The zone's credit service itself, named when asking about it ("听说“信用上合”数据库覆盖216个国家…，真的吗？"):
// not a company to check (trial 14 t14-08 looked it up as one).
const CREDIT_SERVICE = /^(?:信用上合|credit\s+sco|кредит\s+шос)$/iu;

export function creditIntent(text: string): Intent | undefined {
  if (DEFINITIONAL.test(text)) return undefined;
  // A registration number ("проверь контрагента ИНН 7701234567", "查一下 统一社会信用代码 …") is the surest key
  // to a company, name or not; its kind and length say the country (trial 16 t16-09 was asked for one).
  const registration = registrationIdIn(text);
  const company = companyIn(text);
  if (registration && (CREDIT_CUE.test(text) || text.replace(registration.value, '').trim().length <= 24)) {
    // With a name beside it, the number is searched first and the name when no source knows the number.
    const named = company && !company.includes(registration.value) && !CREDIT_SERVICE.test(company.trim());
    return {
      kind: 'credit',
      company: named ? company : registration.value,
      ...(named ? { registrationId: registration.value } : {}),
      ...(registration.country ? { country: registration.country } : {}),
    };
  }
  if (!company || CREDIT_SERVICE.test(company.trim())) return undefined;
  const hasForm = hasLegalForm(text);
  // A legal form and a name with little else ("ТОО «Алтын Жол»?") asks about that company; a name in a
  // sentence about something else ("和ООО «Технопарк»签合同 用人民币结算…") does not.
  const rest = text.replace(company, '').replace(/[\s\p{P}\p{S}]/gu, '');
  if (CREDIT_CUE.test(text) || (hasForm && text.length < 60 && rest.length <= 24)) {
    // "ТОО Астана Логистик, Казахстан": the country named beside the company narrows the search; a
    // city inside the name ("Sample Almaty Logistics") is part of the name, not a filter.
    const markets = askedMarkets(text.replace(company, ' '));
    return { kind: 'credit', company, ...(markets.length === 1 ? { country: markets[0] } : {}) };
  }
  return undefined;
}

/** A question on a company's sanctions ("ООО … под санкциями?", "有没有被制裁"): its screening answers first. */
export const ASKS_SANCTIONS = /санкц|sanction|\bsdn\b|制裁/i;

/** Who a check is of: a buyer, a supplier, a company… */
const PARTY_RU = '(?:покупател|контрагент|компани|фирм|поставщик|клиент|дистрибьютор|партн[её]р|импорт[её]р)';
const PARTY_EN =
  '(?:buyers?|compan(?:y|ies)|suppliers?|customers?|clients?|distributors?|counterpart(?:y|ies)|partners?|firms?|importers?)';
const PARTY_ZH = '(?:客户|买家|买方|公司|供应商|经销商|企业|工厂)';
/** Words between the check and the party that make it another question ("проверь, нужна ли покупателю СГР", "check whether
 * the buyer…"). */
const NOT_THE_PARTY_RU = '(?!ли(?![\\p{L}])|нуж|что|как|когда|есть|платит)';
const NOT_THE_PARTY_EN = '(?!whether|if(?![\\p{L}])|what|how|when|that(?![\\p{L}])|does|do(?![\\p{L}])|is(?![\\p{L}]))';

/** A request to check a counterparty that names none ("проверь покупателя из Казахстана", "can you check a company for
 * me?", "我们想查一下阿拉木图一家公司的信用"): the credit lookup needs a name or a number, and the reply asks for one. */
const NAMELESS_CHECK = [
  new RegExp(
    `(?<![\\p{L}])(?:is|are)\\s+(?:our|the|this|my|that)\\s+(?:\\S+\\s+){0,2}${PARTY_EN}\\s+(?:reliable|legit|trustworthy|creditworthy)`,
    'iu',
  ),
  new RegExp(`(?:провер|пробе?й|пробить|чекни)\\S*\\s+(?:${NOT_THE_PARTY_RU}\\S+\\s+){0,3}${PARTY_RU}`, 'iu'),
  new RegExp(
    `(?<![\\p{L}])(?:check|verify|vet|look\\s+up|screen)\\s+(?:${NOT_THE_PARTY_EN}\\S+\\s+){0,3}${PARTY_EN}(?![\\p{L}'’])`,
    'iu',
  ),
  new RegExp(
    `(?<![\\p{L}])(?:credit\\s+(?:rating|check|report)|creditworth\\S*)\\s+(?:\\S+\\s+){0,2}${PARTY_EN}(?![\\p{L}])`,
    'iu',
  ),
  new RegExp(`кредитн\\S*\\s+рейтинг\\S*\\s+(?:\\S+\\s+){0,2}${PARTY_RU}`, 'iu'),
  new RegExp(
    `(?:查一下|查查|查下|查个|查询|核实|帮我查)[^，。？！,.?!到至]{0,12}${PARTY_ZH}(?![^，。？！,.?!]{0,6}(?:资质|需要|要求))`,
    'u',
  ),
  // "买家信用证" is a letter of credit, not the buyer's credit.
  new RegExp(`${PARTY_ZH}(?:的)?(?:信用(?!证)|资信|征信)`, 'u'),
];

/** How checking works, or how to do it oneself, asks for the notes, not for a name ("как бесплатно проверить покупателя по
 * санкционным спискам", "how do I screen a buyer myself", "Как работает проверка контрагента в 信用上合"); so does whether
 * to check at all ("нужно ли проверять покупателя…?", "should we check the buyer before shipping?"), and a check of the
 * party's papers ("can you check our supplier's certificate of origin?"). */
const HOW_TO_CHECK =
  /как\s+(?:\S+\s+)?(?:проверить|работает|проверяют)|сам(?:и|ому|им)?\s+провер|(?:нужно|надо|обязательно|стоит)\s+ли|how\s+(?:do|can|to|does|should)(?![\p{L}])|(?:should|must|need\s+to|have\s+to)\s+(?:we|i|you)?\s*(?:check|verify|screen)|myself|ourselves|(?<![\p{L}])with\s+(?:it|this|that)(?![\p{L}])|(?:'s|’s)\s+(?:certificate|contract|documents?|papers|invoice|terms|licen[cs]e)|用[^，。？]{0,12}(?:工具|网站)|如何|怎么|怎样/iu;

export function namelessCheck(text: string): boolean {
  return (
    !DEFINITIONAL.test(text) &&
    !HOW_TO_CHECK.test(text) &&
    !creditIntent(text) &&
    NAMELESS_CHECK.some((re) => re.test(text))
  );
}
