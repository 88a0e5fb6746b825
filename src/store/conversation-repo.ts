// Conversation memory in the store: every message is written before the answer is acknowledged.
import type { AskResult, Citation } from '../domain/answer.js';
import type { Db } from './db.js';

export interface StoredMessage {
  id: number;
  role: 'user' | 'assistant';
  content: string;
  lang: string | null;
  createdAt: string;
}

export interface ConversationState {
  summary: string | null;
  summarizedThrough: number;
  /** Messages after the summary, oldest first. */
  recent: StoredMessage[];
}

interface RecentRow {
  id: string | number;
  role: 'user' | 'assistant';
  content: string;
  lang: string | null;
  created_at: Date | string;
}

function toStored(row: RecentRow): StoredMessage {
  return {
    id: Number(row.id),
    role: row.role,
    content: row.content,
    lang: row.lang,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export class ConversationRepo {
  constructor(private readonly db: Db) {}

  /**
   * Starts a turn in one round trip: creates or touches the conversation, stores the user's
   * message, and returns the memory as it was before that message (the statement's snapshot does
   * not see its own inserts) with the count of messages not yet summarised. One statement instead
   * of four matters on the embedded engine, where every statement is serialised.
   */
  async openTurn(
    id: string,
    channel: string,
    userId: string | undefined,
    lang: string,
    question: string,
    maxRecent: number,
  ): Promise<ConversationState & { messageId: number; unsummarized: number }> {
    const r = await this.db.query<{
      summary: string | null;
      summarized_through: string;
      message_id: string;
      recent: RecentRow[] | string;
      unsummarized: string;
    }>(
      `WITH c AS (
         INSERT INTO conversations (id, channel, user_id, lang) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET lang = EXCLUDED.lang, updated_at = now()
         RETURNING summary, summarized_through),
       m AS (INSERT INTO messages (conversation_id, role, content, lang) VALUES ($1, 'user', $5, $4) RETURNING id)
       SELECT c.summary, c.summarized_through, (SELECT id FROM m) AS message_id,
              (SELECT count(*) FROM messages WHERE conversation_id = $1 AND id > c.summarized_through) AS unsummarized,
              COALESCE((SELECT json_agg(r ORDER BY r.id) FROM (
                 SELECT id, role, content, lang, created_at FROM messages
                  WHERE conversation_id = $1 AND id > c.summarized_through ORDER BY id DESC LIMIT $6) r), '[]'::json) AS recent
         FROM c`,
      [id, channel, userId ?? null, lang, question, maxRecent],
    );
    const row = r.rows[0]!;
    const recent = (typeof row.recent === 'string' ? (JSON.parse(row.recent) as RecentRow[]) : row.recent).map(
      toStored,
    );
    return {
      summary: row.summary,
      summarizedThrough: Number(row.summarized_through),
      recent,
      messageId: Number(row.message_id),
      unsummarized: Number(row.unsummarized),
    };
  }

  /**
   * Ends a turn in one round trip: the assistant's message joins the conversation and the answer is
   * recorded for feedback and the Sources button. Returns the answer's id.
   */
  async closeTurn(
    conversationId: string,
    a: { channel: string; userId: string | undefined; question: string; result: AskResult },
  ): Promise<number> {
    const { result } = a;
    const citations = JSON.stringify(result.citations);
    const r = await this.db.query<{ id: string }>(
      `WITH m AS (
         INSERT INTO messages (conversation_id, role, content, lang, mode, citations)
         VALUES ($1, 'assistant', $2, $3, $4, $5::jsonb) RETURNING id)
       INSERT INTO answers (channel, conversation_id, user_id, lang, mode, question, answer, citations, escalation, lead, tool_calls, weak_evidence)
       SELECT $6, $1, $7, $3, $4, $8, $2, $5::jsonb, $9::jsonb, $10::jsonb, $11::jsonb, $12 FROM m RETURNING id`,
      [
        conversationId,
        result.answer,
        result.lang,
        result.mode,
        citations,
        a.channel,
        a.userId ?? null,
        a.question,
        result.escalation ? JSON.stringify(result.escalation) : null,
        result.lead ? JSON.stringify(result.lead) : null,
        JSON.stringify(result.toolCalls),
        result.weakEvidence ?? null,
      ],
    );
    return Number(r.rows[0]!.id);
  }

  async addMessage(
    conversationId: string,
    m: { role: 'user' | 'assistant'; content: string; lang?: string; mode?: string; citations?: Citation[] },
  ): Promise<number> {
    const r = await this.db.query<{ id: string }>(
      `INSERT INTO messages (conversation_id, role, content, lang, mode, citations)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
      [conversationId, m.role, m.content, m.lang ?? null, m.mode ?? null, JSON.stringify(m.citations ?? [])],
    );
    return Number(r.rows[0]!.id);
  }

  async state(conversationId: string, maxRecent: number): Promise<ConversationState> {
    const c = await this.db.query<{ summary: string | null; summarized_through: string }>(
      'SELECT summary, summarized_through FROM conversations WHERE id = $1',
      [conversationId],
    );
    const summarizedThrough = Number(c.rows[0]?.summarized_through ?? 0);
    const r = await this.db.query<RecentRow>(
      `SELECT id, role, content, lang, created_at FROM messages
        WHERE conversation_id = $1 AND id > $2 ORDER BY id DESC LIMIT $3`,
      [conversationId, summarizedThrough, maxRecent],
    );
    return {
      summary: c.rows[0]?.summary ?? null,
      summarizedThrough,
      recent: r.rows.reverse().map(toStored),
    };
  }

  async countAfter(conversationId: string, afterId: number): Promise<number> {
    const r = await this.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM messages WHERE conversation_id = $1 AND id > $2',
      [conversationId, afterId],
    );
    return Number(r.rows[0]!.n);
  }

  async oldestAfter(conversationId: string, afterId: number, limit: number): Promise<StoredMessage[]> {
    const r = await this.db.query<RecentRow>(
      `SELECT id, role, content, lang, created_at FROM messages WHERE conversation_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [conversationId, afterId, limit],
    );
    return r.rows.map(toStored);
  }

  async saveSummary(conversationId: string, summary: string, throughId: number): Promise<void> {
    await this.db.query(
      'UPDATE conversations SET summary = $2, summarized_through = $3, updated_at = now() WHERE id = $1',
      [conversationId, summary, throughId],
    );
  }

  /** /forget: removes every conversation (and its messages) of a user. */
  async forgetUser(userId: string): Promise<number> {
    const r = await this.db.query('DELETE FROM conversations WHERE user_id = $1', [userId]);
    return r.rowCount;
  }
}
