// How questions are framed in each language. The framing says what kind of answer is wanted (question-type.ts
// reads it); the topic words carry the match (lead.ts), so the framing is removed before words are matched.
import type { Lang } from '../domain/lang.js';

/** How questions are framed in each language: removed before matching words (question-type.ts reads them). */
const FRAME: Record<Lang, RegExp> = {
  ru: /сколько\s+(?:времени|дней|стоит|стоят|будет\s+стоить|идет|идёт)|как\s+долго|за\s+сколько|(?:нужен|нужна|нужно|нужны|надо|есть|можно|обязателен|обязательна|обязательно)\s+ли|какой|какая|какое|какие|каким|какого|что\s+такое|как\s+(?:мне|нам)?|(?:распространяется|относится|подпадает|действует)\s+ли|подскажите|скажите|пожалуйста|сейчас|теперь|\bли\b/giu,
  zh: /(?:需要|要)?多长时间|多久|一般|大概|大约|通常|多少钱|(?:什么|啥)时候|何时|在哪(?:里|儿)?|哪里|哪儿|适用于|适用|是否|需不需要|要不要|需要吗|吗|呢|怎么办|怎么样|请问|一下/gu,
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
