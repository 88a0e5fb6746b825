// The channel-agnostic entry point the CLI, HTTP and (later) the bots call with a person's question.
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import type { Lang } from '../rag/types.js';
import { checkQuestion } from './question.js';
import { retrievalOnlyAnswer } from './retrieval-answer.js';
import type { AskResult } from './types.js';

export type AskOutcome = { ok: true; result: AskResult } | { ok: false; reason: 'empty' | 'too-long'; lang: Lang; message: string };

export class Advisor {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly limits: { maxQuestionChars: number },
  ) {}

  async ask(raw: string, opts: { lang?: Lang | undefined; k?: number } = {}): Promise<AskOutcome> {
    const q = checkQuestion(raw, { maxChars: this.limits.maxQuestionChars, lang: opts.lang });
    if (!q.ok) return q;
    const result = await retrievalOnlyAnswer(this.kb, q.question, q.lang, opts.k ? { k: opts.k } : {});
    return { ok: true, result };
  }
}
