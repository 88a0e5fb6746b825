// Conversation memory in the store: every message is written before the answer is acknowledged.
import type { Citation } from '../assistant/types.js';
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

export class ConversationRepo {
  constructor(private readonly db: Db) {}

  async ensure(id: string, channel: string, userId: string | undefined, lang: string): Promise<void> {
    await this.db.query(
      `INSERT INTO conversations (id, channel, user_id, lang) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET lang = EXCLUDED.lang, updated_at = now()`,
      [id, channel, userId ?? null, lang],
    );
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
    const r = await this.db.query<{ id: string; role: 'user' | 'assistant'; content: string; lang: string | null; created_at: Date | string }>(
      `SELECT id, role, content, lang, created_at FROM messages
        WHERE conversation_id = $1 AND id > $2 ORDER BY id DESC LIMIT $3`,
      [conversationId, summarizedThrough, maxRecent],
    );
    return {
      summary: c.rows[0]?.summary ?? null,
      summarizedThrough,
      recent: r.rows.reverse().map((row) => ({
        id: Number(row.id),
        role: row.role,
        content: row.content,
        lang: row.lang,
        createdAt: new Date(row.created_at).toISOString(),
      })),
    };
  }

  async countAfter(conversationId: string, afterId: number): Promise<number> {
    const r = await this.db.query<{ n: string }>('SELECT count(*) AS n FROM messages WHERE conversation_id = $1 AND id > $2', [conversationId, afterId]);
    return Number(r.rows[0]!.n);
  }

  async oldestAfter(conversationId: string, afterId: number, limit: number): Promise<StoredMessage[]> {
    const r = await this.db.query<{ id: string; role: 'user' | 'assistant'; content: string; lang: string | null; created_at: Date | string }>(
      `SELECT id, role, content, lang, created_at FROM messages WHERE conversation_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [conversationId, afterId, limit],
    );
    return r.rows.map((row) => ({ id: Number(row.id), role: row.role, content: row.content, lang: row.lang, createdAt: new Date(row.created_at).toISOString() }));
  }

  async saveSummary(conversationId: string, summary: string, throughId: number): Promise<void> {
    await this.db.query('UPDATE conversations SET summary = $2, summarized_through = $3, updated_at = now() WHERE id = $1', [
      conversationId,
      summary,
      throughId,
    ]);
  }

  /** /forget: removes every conversation (and its messages) of a user. */
  async forgetUser(userId: string): Promise<number> {
    const r = await this.db.query('DELETE FROM conversations WHERE user_id = $1', [userId]);
    return r.rowCount;
  }
}
