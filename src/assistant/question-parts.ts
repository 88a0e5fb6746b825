// The questions one message asks: "Кто наносит коды Честный знак …? И что по маркировке обуви в
// Казахстане?" asks two, and searched as one the Kazakh half took every passage (trial 16 t16-12).
import { tokenize } from '../rag/tokenize.js';

/** A part is searched on its own when it holds at least this many words that are not stopwords: "и от
 * какой базы считается" leans on the question before it and, searched alone, found the credit
 * database's "база". */
const MIN_WORDS = 3;

/** A part that asks: a question mark, or a question word. "we ship t-shirts to almaty", "слышал с 2026
 * все подняли" tell the context of the question before them. */
const ASKS =
  /[?？]\s*$|(?:^|[^\p{L}])(?:что|как|какой|какая|какие|каков\S*|сколько|когда|где|кто|зачем|почему|можно\s+ли|нужн\S*\s+ли|what|how|when|where|which|who|why|is|are|do|does|can|should)(?:[^\p{L}]|$)|吗|呢|什么|多少|怎么|哪|是否|几|是不是|要不要|能不能|有没有|对不对|行不行|可不可以|需不需要/iu;

/** Any Chinese A-not-A question ("认不认", "算不算", "退不退"): "如果在CIETAC仲裁赢了 哈萨克那边法院认不认" asks (trial 23 t23-17). */
const A_NOT_A = /(\p{Script=Han})不\1/u;

/** "говорит что…", "says that…": what someone told, not a question ("клиент из алматы говорит что с января поднялся"
 * was searched alone after a VAT question and led the answer with the Alashankou crossing). */
const REPORTED =
  /(?:говор\S*|сказал\S*|пиш\S*|думаю|думает|слышал\S*|считает|уверяет|утверждает|says|said|thinks|heard|claims)\s*,?\s+(?:что|that)(?![\p{L}])/giu;

/** The message's questions, when it asks more than one; otherwise the message alone. */
export function questionParts(text: string): string[] {
  const parts = text
    // A question mark that more text follows ends one question; so does "И ещё вопрос", "还有", "also,".
    .split(
      /(?<=[?？])\s*|\s+(?=(?:и\s+ещ[её]|а\s+ещ[её]|ещ[её]\s+вопрос|also[,:]|another\s+question)(?!\p{L}))|(?<=[。，,；;])\s*(?=还有|另外|顺便)|(?<=\p{Script=Han})\s+(?=还有|另外|顺便)/iu,
    )
    .map((p) => p.trim())
    .filter((p) => (ASKS.test(p.replace(REPORTED, ' ')) || A_NOT_A.test(p)) && tokenize(p).length >= MIN_WORDS);
  return parts.length >= 2 ? parts : [text];
}
