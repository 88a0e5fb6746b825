// Turns a follow-up into a standalone question and, with an LLM, into the corpus's other
// languages, so a Russian question also finds Chinese and English passages.
import { z } from 'zod';
import type { ChatModel } from '../llm/chat-model.js';
import { tokenize } from '../rag/tokenize.js';
import { detectMarkets } from '../domain/markets.js';
import { LANGS, type Lang } from '../domain/lang.js';
import type { StoredMessage } from '../store/conversation-repo.js';

export interface RewrittenQuery {
  standalone: string;
  /** The standalone question in the other languages (LLM only). */
  translations: Partial<Record<Lang, string>>;
}

const rewriteSchema = z.object({
  standalone: z.string().min(1).max(2000),
  zh: z.string().max(2000).optional(),
  ru: z.string().max(2000).optional(),
  en: z.string().max(2000).optional(),
});

// Words that open a follow-up: "а в Казахстане?", "и для детской?", "那玩具呢？", "and for Kazakhstan?". Chinese
// writes no space after them: "那没卖掉的要到什么时候清算？" after a 9810 refund question was searched alone and
// answered with cosmetics deadlines (trial 20 t20-15).
const FOLLOW_UP_OPENING =
  /^\s*(?:(?:ok(?:ay)?|ок(?:ей)?|хорошо|понятно|ясно|好的|嗯|明白了?)[\s,，.。!！]*)?(?:а|и|ну\s+а|а\s+если|а\s+что|а\s+как|тогда|那|那么|还有|and|what\s+about|how\s+about|what\s+if|so)(?:\s|[，,]|$)|^\s*(?:那么?|还有)(?=\p{Script=Han})|呢\s*[？?]?\s*$/iu;

// Pronouns that point at the previous message: "проверь их", "how long is it valid?", "他们靠谱吗".
// 其它 ("other") and 这个月 ("this month") hold the same characters but point at nothing said before.
const REFERS_BACK =
  /(?:^|[^\p{L}])(?:их|его|её|ее|они|он|она|оно|это|them|they|it|its|this|that)(?:[^\p{L}]|$)|他们|(?<!其)它|这家|那家|这个(?!月|星期|礼拜|周|季度|年|时候|阶段)|[这那](?:部分|批|些)/iu;

// A price asked of a container or a unit with nothing else named: "how much for a 40ft?", "а за 20-футовый
// сколько?", "40尺柜多少钱": the price of what was being discussed.
const COST_OF_WHAT_CAME_BEFORE =
  /(?:how\s+much|what(?:'s|\s+is)\s+the\s+(?:price|cost|rate)|сколько\s+(?:стоит|будет|за)|почём|цена|стоимость|多少钱|什么价|运费多少)[\s\S]{0,30}(?:\b(?:20|40)\s*(?:ft|'|feet|foot|hc|hq|gp|dc|футов\S*)|(?:20|40)-?футов\S*|\bcontainer|\bteu\b|\bfcl\b|контейнер\S*|(?:20|40)\s*(?:尺|英尺|柜|GP|HQ))|(?:\b(?:20|40)\s*(?:ft|'|feet|foot|hc|hq|gp)|(?:20|40)-?футов\S*|контейнер\S*|(?:20|40)\s*(?:尺|英尺|柜|GP|HQ)\S*)[\s\S]{0,20}(?:сколько|how\s+much|cost|price|多少钱|什么价|运费)/iu;

// Words that date a question but name no subject: months, "changes", "now", "new" ("what changes in july
// 2026?" after a parcels question asks about parcels), "rules" and what is coming ("ok. any rule changes coming in
// 2026-2027 we should prepare for?" after a cosmetics question was answered on e-commerce exports, trial 31 t31-03).
const NO_SUBJECT =
  /^(?:\d+|januari|februari|juli|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|январ|феврал|март|апрел|ма|май|июн|июл|август|сентябр|октябр|ноябр|декабр|chang|измен|изменен|now|сейчас|теперь|new|нов|год|year|month|месяц|ok|ок|any|rule|прав|come|upcom|should|prepar|готов|ждат|expect|\d+月|\d+年|变化|现在|以后|之后|年)$/u;
const subjectless = (question: string) => tokenize(question).filter((t) => !NO_SUBJECT.test(t)).length === 0;

// A choice among what the previous answer listed: "and for a rail container to almaty which one should we buy?"
// after ICC A against ICC C (trial 10), "какой из них выбрать для Казахстана?", "哪一种更适合铁路？".
/** "哈萨克斯坦那边也一样吗？", "в Казахстане так же?", "same in Kazakhstan?": the question before, asked again of
 * the market named ("其它国家的…一样吗" names none and asks a question of its own). */
const SAME_AS_BEFORE = /也一样|一样吗|同样吗|也是这样|так\s+же|то\s+же\s+самое|тоже|\bsame\b/iu;

const CHOICE_AMONG_BEFORE =
  /\bwhich\s+one\b|\bwhich\s+of\s+(?:them|these|those)\b|как(?:ой|ую|ое)\s+из\s+(?:них|этих)|哪一个|哪一种|选哪(?:个|种)/iu;

/** The words a message that opens like a follow-up or refers back may have: "what if some of them are for
 * babies under 3?" (10) after a toy question was searched alone and answered with baby clothing (trial 13);
 * "ok and if the goods r CNC lathes, better or worse?" (11) after bounced payments was answered with India's
 * electronics registration (trial 20b t20b-03). 8 → 10 → 12 changed no follow-up or intent figure. 15: "what if we
 * sign one frame contract for like 150k for the whole year" (14) after the Kazakh contract-registration threshold was
 * answered with Zabaikalsk's train capacity (trial 22b t22b-04); no follow-up, intent or domain figure moved. */
const REFERRING_WORDS = 15;

/** Whether a message only makes sense with the one before it: short, or opening like a follow-up. */
export function isFollowUp(question: string): boolean {
  const words = tokenize(question, { keepStopwords: true }).length;
  const han = (question.match(/\p{Script=Han}/gu) ?? []).length;
  // Chinese is counted in characters: bigrams inflate its token count.
  const short = han > 0 ? han <= 10 : words <= 4;
  return (
    short ||
    subjectless(question) ||
    referringSentence(question) ||
    (COST_OF_WHAT_CAME_BEFORE.test(question) && words <= 5) ||
    (SAME_AS_BEFORE.test(question) && detectMarkets(question).length > 0 && (han > 0 ? han <= 16 : words <= 8)) ||
    (CHOICE_AMONG_BEFORE.test(question) && (han > 0 ? han <= 24 : words <= 14))
  );
}

/** Up to ten words, or twenty Chinese characters, that open like a follow-up or refer back — counted in
 * the message's first sentence when it asks more after it: "ok and how long is it valid in russia? can our
 * chinese factory apply itself?" after a question on preliminary classification decisions (trial 14 t14-16)
 * was searched alone and answered with certificates' validity. */
function referringSentence(question: string): boolean {
  const first = question.split(/(?<=[?？!！。])\s*/u).find((s) => s.trim()) ?? question;
  return [question, first].some((text) => {
    if (!FOLLOW_UP_OPENING.test(text) && !REFERS_BACK.test(text)) return false;
    const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
    return han > 0 ? han <= 20 : tokenize(text, { keepStopwords: true }).length <= REFERRING_WORDS;
  });
}

/** The previous question of the conversation, if any. */
export function previousQuestion(history: readonly StoredMessage[]): string | undefined {
  return [...history].reverse().find((m) => m.role === 'user')?.content;
}

/** Without an LLM: a follow-up ("а для Казахстана?") is searched together with the previous question. */
export function followUpQuery(question: string, history: readonly StoredMessage[]): string {
  const previous = previousQuestion(history);
  if (!previous) return question;
  return isFollowUp(question) ? `${previous} ${question}` : question;
}

export async function rewriteQuery(
  llm: ChatModel,
  question: string,
  lang: Lang,
  history: readonly StoredMessage[],
  signal?: AbortSignal,
): Promise<RewrittenQuery> {
  const recent = history
    .slice(-4)
    .map((m) => `${m.role}: ${m.content.slice(0, 600)}`)
    .join('\n');
  const res = await llm.chat({
    json: true,
    temperature: 0,
    ...(signal ? { signal } : {}),
    messages: [
      {
        role: 'system',
        content:
          'Rewrite the user question for a search engine. Resolve references to the conversation so it stands alone. ' +
          'Return JSON: {"standalone": the question in its own language, "zh": Chinese translation, "ru": Russian translation, ' +
          '"en": English translation}. Keep codes and names (TR CU 010/2011, EAC, HS codes, place names). Output JSON only.',
      },
      { role: 'user', content: `${recent ? `Conversation:\n${recent}\n\n` : ''}Question (${lang}): ${question}` },
    ],
  });
  const parsed = rewriteSchema.safeParse(safeJson(res.content));
  if (!parsed.success) return { standalone: question, translations: {} };
  const translations: Partial<Record<Lang, string>> = {};
  for (const l of LANGS) {
    const t = parsed.data[l];
    if (l !== lang && t && t.trim()) translations[l] = t.trim();
  }
  return { standalone: parsed.data.standalone.trim() || question, translations };
}

function safeJson(text: string): unknown {
  const m = /\{[\s\S]*\}/.exec(text);
  if (!m) return undefined;
  try {
    return JSON.parse(m[0]);
  } catch {
    return undefined;
  }
}
