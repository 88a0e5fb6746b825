// Tickets in the store. Every status change goes through `transition`, which checks the lifecycle
// and writes the audit row in the same transaction.
import type { Db, Queryable } from '../store/db.js';
import type { Lang } from '../domain/lang.js';

export const TICKET_STATUSES = ['draft', 'new', 'offered', 'claimed', 'answered', 'closed', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

// new → offered → claimed → answered → closed, with release (claimed → offered) and reopen.
const ALLOWED: Record<TicketStatus, TicketStatus[]> = {
  draft: ['new', 'cancelled'],
  new: ['offered', 'closed'],
  offered: ['claimed', 'closed'],
  claimed: ['offered', 'answered', 'closed'],
  answered: ['answered', 'claimed', 'closed'],
  closed: ['offered'],
  cancelled: [],
};

export interface Ticket {
  id: number;
  status: TicketStatus;
  channel: string;
  userId: string;
  chatId: string;
  conversationId: string | null;
  lang: Lang;
  country: string | null;
  summary: string;
  note: string | null;
  awaitingNote: boolean;
  practiceArea: string;
  jurisdiction: string | null;
  firmId: string | null;
  slackChannel: string | null;
  slackTs: string | null;
  claimedBy: string | null;
  rating: number | null;
  createdAt: Date;
  offeredAt: Date | null;
  answeredAt: Date | null;
  lastUserReplyAt: Date | null;
  reannouncedAt: Date | null;
  supervisedAt: Date | null;
}

export class TicketTransitionError extends Error {}

const COLUMNS = `id, status, channel, user_id, chat_id, conversation_id, lang, country, summary, note, awaiting_note, practice_area,
  jurisdiction, firm_id, slack_channel, slack_ts, claimed_by, rating, created_at, offered_at, answered_at, last_user_reply_at,
  reannounced_at, supervised_at`;

function toTicket(r: Record<string, any>): Ticket {
  const d = (v: unknown) => (v == null ? null : new Date(v as string));
  return {
    id: Number(r.id),
    status: r.status,
    channel: r.channel,
    userId: r.user_id,
    chatId: r.chat_id,
    conversationId: r.conversation_id,
    lang: r.lang,
    country: r.country,
    summary: r.summary,
    note: r.note,
    awaitingNote: r.awaiting_note,
    practiceArea: r.practice_area,
    jurisdiction: r.jurisdiction,
    firmId: r.firm_id,
    slackChannel: r.slack_channel,
    slackTs: r.slack_ts,
    claimedBy: r.claimed_by,
    rating: r.rating == null ? null : Number(r.rating),
    createdAt: new Date(r.created_at),
    offeredAt: d(r.offered_at),
    answeredAt: d(r.answered_at),
    lastUserReplyAt: d(r.last_user_reply_at),
    reannouncedAt: d(r.reannounced_at),
    supervisedAt: d(r.supervised_at),
  };
}

export class TicketRepo {
  constructor(readonly db: Db) {}

  async createDraft(
    t: {
      channel: string;
      userId: string;
      chatId: string;
      conversationId?: string | undefined;
      lang: Lang;
      country?: string | undefined;
      summary: string;
      practiceArea: string;
      jurisdiction?: string | undefined;
    },
    now: Date,
  ): Promise<Ticket> {
    return this.db.transaction(async (tx) => {
      const r = await tx.query<Record<string, any>>(
        `INSERT INTO tickets (status, channel, user_id, chat_id, conversation_id, lang, country, summary, practice_area, jurisdiction, created_at, updated_at)
         VALUES ('draft', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING ${COLUMNS}`,
        [
          t.channel,
          t.userId,
          t.chatId,
          t.conversationId ?? null,
          t.lang,
          t.country ?? null,
          t.summary,
          t.practiceArea,
          t.jurisdiction ?? null,
          now.toISOString(),
        ],
      );
      await tx.query(
        'INSERT INTO ticket_events (ticket_id, from_status, to_status, actor, at) VALUES ($1, NULL, $2, $3, $4)',
        [r.rows[0]!.id, 'draft', `${t.channel}:${t.userId}`, now.toISOString()],
      );
      return toTicket(r.rows[0]!);
    });
  }

  async get(id: number, tx: Queryable = this.db): Promise<Ticket | undefined> {
    const r = await tx.query<Record<string, any>>(`SELECT ${COLUMNS} FROM tickets WHERE id = $1`, [id]);
    return r.rows[0] ? toTicket(r.rows[0]) : undefined;
  }

  /** Locks the row for the rest of the transaction (PostgreSQL); PGlite has one connection anyway. */
  async lock(tx: Queryable, id: number): Promise<Ticket | undefined> {
    const r = await tx.query<Record<string, any>>(`SELECT ${COLUMNS} FROM tickets WHERE id = $1 FOR UPDATE`, [id]);
    return r.rows[0] ? toTicket(r.rows[0]) : undefined;
  }

  async bySlackThread(channel: string, ts: string): Promise<Ticket | undefined> {
    const r = await this.db.query<Record<string, any>>(
      `SELECT ${COLUMNS} FROM tickets WHERE slack_ts = $1 AND (slack_channel = $2 OR $2 = '') LIMIT 1`,
      [ts, channel],
    );
    return r.rows[0] ? toTicket(r.rows[0]) : undefined;
  }

  async awaitingNote(channel: string, userId: string): Promise<Ticket | undefined> {
    const r = await this.db.query<Record<string, any>>(
      `SELECT ${COLUMNS} FROM tickets WHERE status = 'draft' AND awaiting_note AND channel = $1 AND user_id = $2 ORDER BY id DESC LIMIT 1`,
      [channel, userId],
    );
    return r.rows[0] ? toTicket(r.rows[0]) : undefined;
  }

  async byTelegramMessage(messageId: number, chatId: string): Promise<Ticket | undefined> {
    const r = await this.db.query<Record<string, any>>(
      `SELECT ${COLUMNS.split(',')
        .map((c) => `t.${c.trim()}`)
        .join(', ')} FROM tickets t JOIN ticket_messages m ON m.ticket_id = t.id
        WHERE m.telegram_message_id = $1 AND t.chat_id = $2 LIMIT 1`,
      [messageId, chatId],
    );
    return r.rows[0] ? toTicket(r.rows[0]) : undefined;
  }

  async update(tx: Queryable, id: number, fields: Record<string, unknown>, now: Date): Promise<void> {
    const keys = Object.keys(fields);
    const sets = keys.map((k, i) => `${k} = $${i + 2}`).join(', ');
    await tx.query(`UPDATE tickets SET ${sets}${sets ? ', ' : ''}updated_at = $${keys.length + 2} WHERE id = $1`, [
      id,
      ...keys.map((k) => fields[k]),
      now.toISOString(),
    ]);
  }

  async transition(
    tx: Queryable,
    t: Ticket,
    to: TicketStatus,
    actor: string,
    now: Date,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    if (!ALLOWED[t.status].includes(to))
      throw new TicketTransitionError(`ticket ${t.id} cannot go from ${t.status} to ${to}`);
    await tx.query('UPDATE tickets SET status = $2, updated_at = $3 WHERE id = $1', [t.id, to, now.toISOString()]);
    await tx.query(
      'INSERT INTO ticket_events (ticket_id, from_status, to_status, actor, detail, at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)',
      [t.id, t.status, to, actor, JSON.stringify(detail), now.toISOString()],
    );
    t.status = to;
  }

  async addMessage(
    tx: Queryable,
    ticketId: number,
    direction: 'to_user' | 'to_firm',
    author: string,
    text: string,
    now: Date,
  ): Promise<number> {
    const r = await tx.query<{ id: string }>(
      'INSERT INTO ticket_messages (ticket_id, direction, author, text, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [ticketId, direction, author, text, now.toISOString()],
    );
    return Number(r.rows[0]!.id);
  }

  async setTelegramMessageId(ticketMessageId: number, telegramMessageId: number): Promise<void> {
    await this.db.query('UPDATE ticket_messages SET telegram_message_id = $2 WHERE id = $1', [
      ticketMessageId,
      telegramMessageId,
    ]);
  }

  async setSlackTs(ticketId: number, channel: string, ts: string): Promise<void> {
    await this.db.query('UPDATE tickets SET slack_channel = $2, slack_ts = $3 WHERE id = $1', [ticketId, channel, ts]);
  }

  async open(): Promise<Ticket[]> {
    const r = await this.db.query<Record<string, any>>(
      `SELECT ${COLUMNS} FROM tickets WHERE status IN ('new', 'offered', 'claimed', 'answered') ORDER BY id`,
    );
    return r.rows.map(toTicket);
  }

  async events(ticketId: number): Promise<Array<{ from: string | null; to: string; actor: string }>> {
    const r = await this.db.query<{ from_status: string | null; to_status: string; actor: string }>(
      'SELECT from_status, to_status, actor FROM ticket_events WHERE ticket_id = $1 ORDER BY id',
      [ticketId],
    );
    return r.rows.map((x) => ({ from: x.from_status, to: x.to_status, actor: x.actor }));
  }
}
