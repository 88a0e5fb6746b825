// What kind of answer a question wants, from its wording in Russian, Chinese or English: a
// duration, an amount, a date or year, a list of countries. A sentence that holds that kind of
// figure is preferred for the direct answer.
import { withoutPriceBasis } from '../domain/incoterms.js';

export type QuestionType = 'duration' | 'amount' | 'date' | 'countries' | 'number' | 'who';

/** "сколько" as exporters type it in chat: "скока", "скоко", "сколко" (trial 7 and the domain sets), "скок" (follow-up fg-10). */
const SKOLKO = String.raw`(?:ск(?:ол|о)ь?к[оа]|скок(?![а-яё]))`;
const ASKS: Record<QuestionType, RegExp> = {
  duration: new RegExp(
    String.raw`${SKOLKO}\s+(?:(?:он|она|оно|они|это|сейчас|обычно|примерно|вообще|в\s+среднем)\s+){0,2}(?:дней|суток|недель|месяцев|часов|лет|минут|времени|ид[её]т|едет|ехать|займ[её]т|занимает|длится|ждать|действует)|как\s+долго|за\s+${SKOLKO}|какой\s+срок|срок\s+(?:действия|доставки|возврата|перевозки|рассмотрения)|сроки|多久|多长时间|几天|多少天|几个月|几个小时|多少小时|时效|有效期|how\s+long|how\s+many\s+(?:days|weeks|months|years|hours)|transit\s+time|lead\s+time|valid\s+for|validity|deadline|time\s+limit|дедлайн|срок\s+(?:подачи|для|на)\s|截止|最晚|期限`,
    'i',
  ),
  // A rate is "ставка", not the "-ставк-" of "доставка" or "поставка": "Вопрос не по доставке, просто интересно: почему в
  // Забайкальске контейнеры перегружают…?" asked an amount, and the crossings note's "около 30% поездов" led (trial 30 t30-16).
  // "антидемпинг на фольгу?", "any anti-dumping on foil?" ask the duty's rate: read as naming no figure, the lead was
  // who imposes such duties, the foil's 17.16–20.24% never shown (trials 20 t20-18, 20b-17). Chinese "反倾销" is left
  // out: a question that names no amount ("…有反倾销税吗？大概多少个点") then split its lead with another product's.
  amount:
    /(?:^|[^а-яё])по\s+деньгам|почём|(?:^|[^а-яё])почем(?:[^а-яё]|$)|(?:сколько|скока|скоко|сколко)\s*(?:%|％)|多少\s*[%％]|百分之几|what\s+percent|how\s+many\s+percent|(?:сколько|скока|скоко|сколко)\s+(?:стоит|стоят|будет\s+стоить|платить|процентов|денег)|(?:сколько|скока|скоко|сколко)\s+(?:[а-яё]+\s+){0,3}(?:за|у)?плат|(?:сколько|скока|скоко|сколко)\s+(?:\S+\s+){0,2}за\s+(?:до|пере)?(?:ставк|возк|перевоз)|за\s+(?:до|пере)ставк\S*\s+(?:\S+\s+)?(?:сколько|скока|скоко|сколко)|(?:с|от|до|на)\s+как(?:ой|ую)\s+сумм|какая\s+сумма|what\s+amount|from\s+what\s+(?:amount|value|sum)|sum\s+insured|金额|保额|比例|стоимост|цен[аыу]\b|(?<![а-яё])ставк|тариф|пошлин|антидемпинг|anti-?dumping|ндс|утильсбор|сбор[а-я]*\s|размер\s|штраф|порог|лимит|多少钱|费用|价格|运费|税率|关税|增值税|门槛|罚款|how\s+much|what\s+(?:is\s+the\s+)?(?:cost|price|rate|fee|duty|vat|threshold|limit)|what\s+compensation|(?:какую|какая|какой\s+размер)\s+(?:компенсац|неустойк|штраф)|赔偿多少|赔多少|\bcost\b|\bprice\b|\brate\b|\bfee\b|\bduty\b|\bvat\b|threshold|percentage/i,
  date: /когда|с\s+какого\s+(?:числа|дня|года|месяца)|с\s+какой\s+даты|в\s+каком\s+году|какого\s+года|до\s+какого|какая\s+дата|дедлайн|(?:什么|啥)时候|何时|几时|哪一年|哪年|几月|哪天|截止|日期|\bwhen\b|which\s+year|what\s+year|what\s+date|since\s+when|deadline|from\s+what\s+date/i,
  who: /\bwho\b|\bwhom\b|(?:^|[^а-яё])(?:кто|кого|кому|кем)(?:[^а-яё]|$)|谁|哪位|which\s+(?:body|authority|agency|organisation|organization)|какой\s+орган|哪个机构|哪个部门/i,
  number: new RegExp(String.raw`how\s+many|how\s+much|what\s+number|${SKOLKO}|какое\s+количество|多少|几`, 'i'),
  countries:
    /какие\s+страны|в\s+каких\s+странах|каким\s+странам|с\s+какими\s+странами|哪些国家|哪几个国家|哪个国家|which\s+countries|what\s+countries|which\s+states|which\s+members/i,
};

const HAS: Record<QuestionType, RegExp> = {
  // A year is a date, not a duration: "成立于1932年", "в 2024 году" (an ICAC founding year led a 9810 question).
  duration:
    /(?<!\d)(?!(?:19|20)\d{2}\s*(?:年(?!内|以内|期)|г\.|год|гг))(?:\d+(?:[.,]\d+)?|[一二三四五六七八九十两几数]+)\s*(?:[–—到至-]\s*(?:\d+(?:[.,]\d+)?|[一二三四五六七八九十两几数]+)\s*)?(?:дн|сут|недел|месяц|мес\.|лет|год|час|ч(?![а-яё])|мин|рабочих|календарных|days?|weeks?|months?|years?|hours?|minutes?|(?:h|hrs?|mins?)\b|working|calendar|分钟|天|日|周(?!年)|个月|月|年|小时|个工作日)|(?:несколько|пару|один|два|три|четыре|пять)\s+(?:дн|сут|недел|месяц|час)|(?:a\s+few|several|one|two|three|four|five)\s+(?:days|weeks|months|hours)|(?<!\d)\d+-(?:day|week|month|year|hour|minute)s?\b|(?<!\d)\d+-(?:дневн|недельн|месячн|летн|часов|минутн)/i,
  amount:
    /\d[\d\s.,]*\s*(?:个\s*)?(?:%|％|руб|₽|usd|us\$|\$|eur|€|юан|yuan|rmb|cny|元|万|亿|тенге|kzt|сум|uzs|sdr|сдр|特别提款权|долл|dollar|евро|тыс|млн|млрд|million|billion)|(?:\$|€|¥|usd|eur|rmb|cny|руб\.?)\s*\d/i,
  date: /\b(?:19|20)\d{2}\b|\d{1,2}\s+(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)|\d{1,2}\s?月(?:底前?|末|初|[上中下]旬)?|\d{4}\s?年|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i,
  who: /\S\s+[A-ZА-ЯЁ][a-zа-яё]+|\p{Script=Han}·\p{Script=Han}|(?:орган|ministry|министерств|служб|commission|комисси|部|局|委员会|机构)/u,
  number:
    /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|dozen)\b|(?:^|[^а-яё])(?:один|одна|два|две|три|четыр|пят|шест|сем|восем|девят|десят|двадцат|сто|тысяч)[а-яё]*|[一二三四五六七八九十百千万两]+(?:个|次|家|种|项|类|年|月|天|日|周|吨|列|人|倍|条|批|国|名|位|所|座|张|份|箱|辆|台|件|分|成)/i,
  countries:
    /беларус|казахстан|армени|киргиз|кыргыз|росси|узбекистан|белорус|白俄罗斯|哈萨克斯坦|亚美尼亚|吉尔吉斯|俄罗斯|乌兹别克|belarus|kazakhstan|armenia|kyrgyz|russia|uzbekistan/i,
};

/** An amount asked outright: "сколько", "how much", "какая ставка", "多少". */
const HOW_MUCH = new RegExp(
  String.raw`${SKOLKO}|how\s+much|what\s+(?:amount|is\s+the\s+(?:cost|price|rate|fee|duty|vat|threshold|limit))|какая\s+(?:сумма|ставка|цена|стоимость)|каков|多少|几个点|税率是`,
  'i',
);
const WHETHER_COUNTED =
  /вернут|возвращ|возмест|компенс|включ|входит|учитыва|\brefund|reimburs|\binclud|counted\s+in|退还|退回|计入|算进|包含|包括/i;

/** The kinds of answer a question asks for (often none, sometimes two: "how much and how long"). */
export function questionTypes(asked: string): QuestionType[] {
  // "wants a CIF price … any problem with that?" asks about the terms, not an amount.
  const question = withoutPriceBasis(asked);
  const types = (Object.keys(ASKS) as QuestionType[])
    .filter((t) => ASKS[t].test(question))
    // "нам вернут стоимость доставки?", "运费要不要算进完税价格？": a charge named in a question on whether it
    // is refunded or counted in asks for the rule, not a figure (domain heldout2-024 led with a contract
    // sum from another document).
    .filter((t) => t !== 'amount' || HOW_MUCH.test(question) || !WHETHER_COUNTED.test(question));
  // A rate or a price asked ("增值税多少", "сколько стоит") is not answered by any number ("第 160 条"), nor is a
  // duration: "и сколько сейчас обычно идёт такой платёж?" was answered with "(2024) … 100% предоплаты" (trial 13).
  return types.includes('amount') || types.includes('duration') ? types.filter((t) => t !== 'number') : types;
}

/** Whether a sentence holds the kind of figure a question type wants. */
export function sentenceHas(type: QuestionType, sentence: string): boolean {
  return HAS[type].test(sentence);
}

/** A party named by its role: it answers "who" as a name does ("Коды наносит производитель или импортёр", trial 21 t21-17). */
const ROLE =
  /(?:^|[^\p{L}])(?:[Пп]роизводител|[Ии]зготовител|[Ии]мпорт[её]р|[Ээ]кспорт[её]р|[Пп]окупател|[Пп]родав[ец]|[Зз]аявител|[Пп]еревозчик|[Ээ]кспедитор|[Mm]anufacturer|[Ii]mporter|[Ee]xporter|[Bb]uyer|[Ss]eller|[Aa]pplicant|[Cc]arrier|[Ff]orwarder)|进口商|出口商|制造商|生产商|生产企业|买方|卖方|申请人|承运人|货代/u;
/** Each role's whole word, found anywhere in a sentence. */
const ROLE_WORD = new RegExp(`(?:${ROLE.source})[\\p{Script=Latin}\\p{Script=Cyrillic}]*`, 'gu');
export const rolesNamed = (sentence: string): string[] =>
  [...sentence.matchAll(ROLE_WORD)].map((m) => m[0].replace(/^[^\p{L}]+/u, ''));

/** A figure of any kind (a number with a unit, a date): such a sentence about another market is never the lead. */
export function hasFigure(sentence: string): boolean {
  return HAS.amount.test(sentence) || HAS.duration.test(sentence) || /\d+(?:[.,]\d+)?\s*%/.test(sentence);
}

/** Where a sentence holds the figures a rate, price or duration question asks for: [start, end) spans
 * for the cut to keep (fit-around.ts). Not numbers or dates: they are too common in a sentence to steer
 * a cut (no xquad or domain answer changed either way); durations changed none either, and keep the
 * 90 days of "скок дней рассматривает?". */
export function figureSpans(types: readonly QuestionType[], sentence: string): Array<[number, number, QuestionType]> {
  // A duration too: "скок дней рассматривает?" was cut at "решение принимается в…", before its 90 days (trial 11).
  // A date only beside another kind ("сколько сейчас сбор…? с какого числа?"): the cut keeps one of each
  // (trial 14 t14-27 kept the fee and lost "с 01.01.2026").
  const kinds = (['amount', 'duration', 'date'] as const).filter(
    (k) => types.includes(k) && (k !== 'date' || types.includes('amount') || types.includes('duration')),
  );
  return kinds.flatMap((k) => {
    const re = new RegExp(HAS[k].source, `${HAS[k].flags.replace('g', '')}g`);
    return [...sentence.matchAll(re)].map((m): [number, number, QuestionType] => [
      m.index,
      m.index + m[0].trimEnd().length,
      k,
    ]);
  });
}

/** A question on a charge (a duty, a tax, a fee, a rate, a price): a note on anti-dumping duties answers only such a
 * question (doc-stance.ts). */
const CHARGE_ASKED =
  /пошлин|антидемпинг|ставк|сбор|налог|ндс|стоимост|сколько|\bdut(?:y|ies)\b|tariff|anti-?dumping|\btax|\bvat\b|\brates?\b|\bcosts?\b|\bfees?\b|how\s+much|关税|反倾销|税|多少|费/iu;
export const asksCharge = (question: string): boolean => CHARGE_ASKED.test(question);
