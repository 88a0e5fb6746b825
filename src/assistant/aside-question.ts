// A question asked beside a tool request in the same message ("查一下这家公司的信用…。顺便问下你们信用上合数据库覆盖
// 多少国家？", trial 12): the tool answers the request and the knowledge base answers the other question,
// which the tool's answer alone left unanswered.

/** Where a message's sentences end: a question or exclamation mark, a Chinese full stop, a line break, or a
 * full stop before a capital ("OOO «Trade». And…"; not "No. 5", not "г. Алматы"). */
const SENTENCE_END = /(?<=[?？!！。])\s*|(?<=\.)\s+(?=[\p{Lu}\p{Script=Han}])|\n+/u;
/** A sentence that asks something: a question mark, or a question word where chat leaves the mark out. */
const ASKS =
  /[?？]|\b(?:what|which|how|why|when|where|who|whom|is|are|does|do|can|should)\b|(?:^|[^а-яё])(?:что|какой|какая|какое|какие|каков|сколько|когда|где|почему|зачем|как|можно|нужно|нужен|нужна|нужны|ли)(?:[^а-яё]|$)|吗|呢|多少|什么|哪|怎么|为什么|是否|几/iu;
/** Characters a sentence needs, besides its question words, to be a question of its own ("а?", "ok?" are not). */
const MIN_CHARS = 8;

/** A message's sentences long enough to be read on their own. */
const sentencesOf = (message: string): string[] =>
  message
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s.length >= MIN_CHARS);

/**
 * The sentences of a message that ask something the tool request does not (`carriesTool` says which
 * sentences hold the request), joined; undefined when the message asks only what the tool answers.
 */
export function asideQuestion(message: string, carriesTool: (sentence: string) => boolean): string | undefined {
  const sentences = sentencesOf(message);
  if (sentences.length < 2) return undefined;
  const aside = sentences.filter((s) => !carriesTool(s) && ASKS.test(s));
  // Every sentence apart from the request: nothing in the message was the tool's after all.
  if (aside.length === 0 || aside.length === sentences.length) return undefined;
  return aside.join(' ');
}

/**
 * The other question with the statements before it, which say what it is about: "…人民币货款被我们开户行退回了，银行说有制裁风险。
 * 这到底怎么回事？我们以后怎么收款？要不要找律师" asked the knowledge base "这到底怎么回事？ 我们以后怎么收款？" alone, and beside the
 * lawyer's offer came an e-commerce line (trial 29 t29-14). Whether it has a subject of its own is still read from the
 * question itself (assistant.ts): "…не платит уже 90 дней… Нужен юрист. Что нам делать?" asks the lawyer.
 */
export function asideInContext(message: string, aside: string, carriesTool: (sentence: string) => boolean): string {
  const sentences = sentencesOf(message);
  const first = sentences.findIndex((s) => aside.startsWith(s));
  const context = sentences.slice(0, Math.max(0, first)).filter((s) => !carriesTool(s) && !ASKS.test(s));
  return [...context, aside].join(' ');
}
