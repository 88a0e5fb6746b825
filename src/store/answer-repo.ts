// Answers shown to users and the feedback on them; user language preferences; the processed-update
// ledger that makes redelivered Telegram updates and Slack events harmless.
import type { AskResult } from '../domain/answer.js';
import type { Lang } from '../domain/lang.js';
import type { Db } from './db.js';

export interface StoredAnswer {
  id: number;
  channel: string;
  conversationId: string | null;
  userId: string | null;
  lang: Lang;
  question: string;
  answer: string;
  citations: AskResult['citations'];
  lead: AskResult['lead'] | undefined;
  toolCalls: AskResult['toolCalls'];
}

export class AnswerRepo {
  constructor(private readonly db: Db) {}

  async get(id: number): Promise<StoredAnswer | undefined> {
    const r = await this.db.query<{
      id: string;
      channel: string;
      conversation_id: string | null;
      user_id: string | null;
      lang: Lang;
      question: string;
      answer: string;
      citations: AskResult['citations'] | string;
      lead: AskResult['lead'] | string | null;
      tool_calls: AskResult['toolCalls'] | string | null;
    }>(
      'SELECT id, channel, conversation_id, user_id, lang, question, answer, citations, lead, tool_calls FROM answers WHERE id = $1',
      [id],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    return {
      id: Number(row.id),
      channel: row.channel,
      conversationId: row.conversation_id,
      userId: row.user_id,
      lang: row.lang,
      question: row.question,
      answer: row.answer,
      citations: typeof row.citations === 'string' ? JSON.parse(row.citations) : row.citations,
      lead: (typeof row.lead === 'string' ? JSON.parse(row.lead) : row.lead) ?? undefined,
      toolCalls: (typeof row.tool_calls === 'string' ? JSON.parse(row.tool_calls) : row.tool_calls) ?? [],
    };
  }

  /** One vote per user and answer; a second click changes it. */
  async feedback(answerId: number, channel: string, userId: string, rating: 1 | -1): Promise<void> {
    await this.db.query(
      `INSERT INTO feedback (answer_id, channel, user_id, rating) VALUES ($1, $2, $3, $4)
       ON CONFLICT (answer_id, user_id) DO UPDATE SET rating = EXCLUDED.rating, created_at = now()`,
      [answerId, channel, userId, rating],
    );
  }

  async setLang(channel: string, userId: string, lang: Lang): Promise<void> {
    await this.db.query(
      `INSERT INTO user_prefs (channel, user_id, lang) VALUES ($1, $2, $3)
       ON CONFLICT (channel, user_id) DO UPDATE SET lang = EXCLUDED.lang, updated_at = now()`,
      [channel, userId, lang],
    );
  }

  async getLang(channel: string, userId: string): Promise<Lang | undefined> {
    const r = await this.db.query<{ lang: Lang | null }>(
      'SELECT lang FROM user_prefs WHERE channel = $1 AND user_id = $2',
      [channel, userId],
    );
    return r.rows[0]?.lang ?? undefined;
  }

  /** /forget: the user's answers, feedback and preferences (conversations go through ConversationRepo). */
  async forgetUser(channel: string, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM feedback WHERE channel = $1 AND user_id = $2', [channel, userId]);
      await tx.query('DELETE FROM answers WHERE channel = $1 AND user_id = $2', [channel, userId]);
      await tx.query('DELETE FROM user_prefs WHERE channel = $1 AND user_id = $2', [channel, userId]);
    });
  }
}

export { UpdateLedger } from './update-ledger.js';
