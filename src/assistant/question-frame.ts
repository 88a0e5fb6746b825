// How questions are framed in each language. The framing says what kind of answer is wanted (question-type.ts
// reads it); the topic words carry the match (lead.ts), so the framing is removed before words are matched.
import type { Lang } from '../domain/lang.js';
import { detectMarkets, NAMES_UNION } from '../domain/markets.js';

/** How questions are framed in each language: removed before matching words (question-type.ts reads them). "One" in
 * a price question ("а по деньгам сколько один код") is the unit priced, not a subject: it matched "меняет колею один
 * раз" and the gauge note answered a question on the marking code's fee (trial 22 t22-04). Chinese A-not-A questions
 * ("是不是", "能不能", "有没有") and "另外" frame a question as "是否" does: in "另外标签是不是一定要有乌兹别克语" they were half the
 * words the label rule had to hold to answer it beside the VAT rate (domain and xquad zh unchanged). */
const FRAME: Record<Lang, RegExp> = {
  ru: /сколько\s+(?:времени|дней|стоит|стоят|будет\s+стоить|идет|идёт)|(?<=(?:сколько|почём|почем|стоит|цена)\s+(?:\S+\s+)?)(?:за\s+)?(?:один|одну|одна|одно)(?!\p{L})|по\s+деньгам|почём|почем(?!\p{L})|как\s+долго|за\s+сколько|(?:нужен|нужна|нужно|нужны|надо|есть|можно|обязателен|обязательна|обязательно)\s+ли|какой|какая|какое|какие|каким|какого|что\s+такое|как\s+(?:мне|нам)?|(?:распространяется|относится|подпадает|действует)\s+ли|подскажите|скажите|пожалуйста|сейчас|теперь|\bли\b/giu,
  zh: /(?:需要|要)?多长时间|多久|一般|大概|大约|通常|多少钱|(?:什么|啥)时候|何时|在哪(?:里|儿)?|哪里|哪儿|适用于|适用|是否|需不需要|要不要|是不是|能不能|有没有|可不可以|(\p{Script=Han})不\1|另外|还有|需要吗|吗|呢|怎么办|怎么样|请问|一下/gu,
  en: /how\s+long|how\s+much|how\s+many|do\s+(?:i|we)\s+need|is\s+there|are\s+there|what\s+(?:is|are)|which|can\s+(?:i|we)|does\s+\S+\s+apply\s+to|apply\s+to|should\s+(?:i|we)|please|tell\s+me/giu,
};

/** The question without its framing ("нужен ли", "需要多长时间", "how long"): its topic words. */
export function withoutFrame(question: string, lang: Lang): string {
  return question.replace(FRAME[lang], ' ');
}

/** Where the goods come from, when the question also names where they go ("фольгу из КНР в РФ", "from China
 * to Almaty", "从中国出口到俄罗斯"): China is every exporter's origin here, so the words say which trip, not what is
 * asked, and a sentence that names both countries for another reason (the Manzhouli–Zabaikalsk crossing)
 * matched an anti-dumping question on them alone (trial 20 t20-18). */
const ORIGIN: Record<Lang, RegExp> = {
  ru: /(?<!\p{L})из\s+(?:Китая|КНР|Поднебесной)(?!\p{L})/giu,
  zh: /从中国/gu,
  en: /\bfrom\s+(?:China|the\s+PRC|PRC)\b/giu,
};

export function withoutOrigin(question: string, lang: Lang): string {
  return question.replace(ORIGIN[lang], ' ');
}

/** What the question compares its subject with ("like Form P for Pakistan", "像巴基斯坦那样", "по аналогии с
 * Пакистаном"): an example of the kind of thing asked, not the thing. Its rare words ("Pakistan", "Form P")
 * outweighed the asked agreement's, and the Pakistan certificate led a question on the China–EAEU one (trial 20
 * t20-08). "like" followed by "to" is the verb. */
const COMPARED: Record<Lang, RegExp> = {
  ru: /(?<!\p{L})(?:по\s+аналогии\s+с|наподобие|подобно)\s+[^,.;:?!]{1,40}/giu,
  zh: /像[^，。？！；,.?!;]{1,15}(?:一样|那样|那种)/gu,
  en: /\b(?:like(?!\s+to\b)|such\s+as|similar\s+to)\s+[^,.;:?!]{1,40}/giu,
};

/** Without a language, each language's comparison (they are written in their own scripts). Only a comparison
 * with another market's example, beside a market the rest names: "special machinery like excavators" names the
 * subject by its example, and "I'd like advice" is the verb. */
export function withoutComparison(question: string, lang?: Lang): string {
  const langs = lang ? [lang] : (Object.keys(COMPARED) as Lang[]);
  return langs.reduce(
    (text, l) =>
      text.replace(COMPARED[l], (clause, at: number) => {
        const rest = text.slice(0, at) + text.slice(at + clause.length);
        const compared = detectMarkets(clause).filter((m) => m !== 'CN');
        const named = detectMarkets(rest).filter((m) => m !== 'CN');
        const union = NAMES_UNION.test(rest);
        return compared.length > 0 && (union || named.some((m) => !compared.includes(m))) ? ' ' : clause;
      }),
    question,
  );
}
