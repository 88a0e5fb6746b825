// What the staff console reads: the ticket queue with its filters, a ticket's thread and events,
// feedback with the answer behind it and the staff mark, the questions behind knowledge gaps, and
// the usage figures. Read-only, except the feedback mark.
import type { Lang } from '../domain/lang.js';
import type { Db } from './db.js';

export interface QueueFilter {
  status?: string | undefined;
  firm?: string | undefined;
  owner?: string | undefined;
  olderThanHours?: number | undefined;
}

export interface QueueRow {
  id: number;
  status: string;
  firmId: string | null;
  claimedBy: string | null;
  country: string | null;
  practiceArea: string;
  lang: Lang;
  createdAt: Date;
  offeredAt: Date | null;
  supervisedAt: Date | null;
  answeredAt: Date | null;
  lastUserReplyAt: Date | null;
}

export const FEEDBACK_MARKS = ['wrong-document', 'missing-knowledge', 'outdated', 'fine'] as const;
export type FeedbackMark = (typeof FEEDBACK_MARKS)[number];

export interface FeedbackRow {
  id: number;
  answerId: number;
  rating: 1 | -1;
  channel: string;
  lang: Lang;
  question: string;
  answer: string;
  citations: Array<{ n: number; title: string; docId: string; asOf?: string }>;
  at: Date;
  mark: FeedbackMark | null;
  note: string | null;
  markedBy: string | null;
}

export interface GapQuestion {
  question: string;
  lang: Lang;
  at: Date;
  reason: 'weak' | 'marked';
}

export interface UsageFigures {
  perDayChannel: Array<{ day: string; key: string; n: number }>;
  perDayLang: Array<{ day: string; key: string; n: number }>;
  modes: Array<{ key: string; n: number }>;
  feedback: { up: number; down: number };
  topics: Array<{ key: string; n: number }>;
  countries: Array<{ key: string; n: number }>;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export class StaffReports {
  constructor(private readonly db: Db) {}

  async ticketQueue(f: QueueFilter, now: Date): Promise<QueueRow[]> {
    const where: string[] = ["status <> 'draft'"];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.status === 'open') where.push("status IN ('new', 'offered', 'claimed', 'answered')");
    else if (f.status) add('status = ?', f.status);
    if (f.firm) add('firm_id = ?', f.firm);
    if (f.owner) add('claimed_by = ?', f.owner);
    if (f.olderThanHours !== undefined)
      add('created_at <= ?', new Date(now.getTime() - f.olderThanHours * 3_600_000).toISOString());
    const r = await this.db.query<Record<string, any>>(
      `SELECT id, status, firm_id, claimed_by, country, practice_area, lang, created_at, offered_at, supervised_at,
              answered_at, last_user_reply_at FROM tickets
        WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT 500`,
      params,
    );
    return r.rows.map((x) => ({
      id: Number(x.id),
      status: x.status,
      firmId: x.firm_id,
      claimedBy: x.claimed_by,
      country: x.country,
      practiceArea: x.practice_area,
      lang: x.lang,
      createdAt: new Date(x.created_at),
      offeredAt: x.offered_at ? new Date(x.offered_at) : null,
      supervisedAt: x.supervised_at ? new Date(x.supervised_at) : null,
      answeredAt: x.answered_at ? new Date(x.answered_at) : null,
      lastUserReplyAt: x.last_user_reply_at ? new Date(x.last_user_reply_at) : null,
    }));
  }

  async ticketThread(
    id: number,
  ): Promise<Array<{ direction: 'to_user' | 'to_firm'; author: string; text: string; at: Date }>> {
    const r = await this.db.query<{
      direction: 'to_user' | 'to_firm';
      author: string;
      text: string;
      created_at: string;
    }>('SELECT direction, author, text, created_at FROM ticket_messages WHERE ticket_id = $1 ORDER BY id', [id]);
    return r.rows.map((x) => ({ direction: x.direction, author: x.author, text: x.text, at: new Date(x.created_at) }));
  }

  async ticketEvents(
    id: number,
  ): Promise<Array<{ from: string | null; to: string; actor: string; detail: Record<string, unknown>; at: Date }>> {
    const r = await this.db.query<{
      from_status: string | null;
      to_status: string;
      actor: string;
      detail: unknown;
      at: string;
    }>('SELECT from_status, to_status, actor, detail, at FROM ticket_events WHERE ticket_id = $1 ORDER BY id', [id]);
    return r.rows.map((x) => ({
      from: x.from_status,
      to: x.to_status,
      actor: x.actor,
      detail: json<Record<string, unknown>>(x.detail) ?? {},
      at: new Date(x.at),
    }));
  }

  async feedback(f: { rating?: 1 | -1 | undefined; unmarked?: boolean }, limit = 300): Promise<FeedbackRow[]> {
    const where: string[] = [];
    const params: unknown[] = [limit];
    if (f.rating) {
      params.push(f.rating);
      where.push(`f.rating = $${params.length}`);
    }
    if (f.unmarked) where.push('m.feedback_id IS NULL');
    const r = await this.db.query<Record<string, any>>(
      `SELECT f.id, f.answer_id, f.rating, f.channel, f.created_at, a.lang, a.question, a.answer, a.citations,
              m.mark, m.note, m.marked_by
         FROM feedback f JOIN answers a ON a.id = f.answer_id LEFT JOIN feedback_marks m ON m.feedback_id = f.id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY f.created_at DESC, f.id DESC LIMIT $1`,
      params,
    );
    return r.rows.map((x) => ({
      id: Number(x.id),
      answerId: Number(x.answer_id),
      rating: Number(x.rating) as 1 | -1,
      channel: x.channel,
      lang: x.lang,
      question: x.question,
      answer: x.answer,
      citations: json<FeedbackRow['citations']>(x.citations) ?? [],
      at: new Date(x.created_at),
      mark: x.mark,
      note: x.note,
      markedBy: x.marked_by,
    }));
  }

  async markFeedback(feedbackId: number, mark: FeedbackMark, note: string, by: string): Promise<boolean> {
    const r = await this.db.query(
      `INSERT INTO feedback_marks (feedback_id, mark, note, marked_by)
       SELECT id, $2, $3, $4 FROM feedback WHERE id = $1
       ON CONFLICT (feedback_id) DO UPDATE SET mark = EXCLUDED.mark, note = EXCLUDED.note,
         marked_by = EXCLUDED.marked_by, marked_at = now()`,
      [feedbackId, mark, note || null, by],
    );
    return r.rowCount === 1;
  }

  /** Questions answered on weak evidence (as recorded with the answer) and 👎 marked "missing knowledge". */
  async gapQuestions(sinceDays: number, now: Date): Promise<GapQuestion[]> {
    const since = new Date(now.getTime() - sinceDays * 86_400_000).toISOString();
    const r = await this.db.query<{ question: string; lang: Lang; at: string; reason: 'weak' | 'marked' }>(
      `SELECT a.question, a.lang, a.created_at AS at, 'weak' AS reason FROM answers a
        WHERE a.weak_evidence AND a.created_at >= $1
       UNION ALL
       SELECT a.question, a.lang, f.created_at AS at, 'marked' AS reason
         FROM feedback_marks m JOIN feedback f ON f.id = m.feedback_id JOIN answers a ON a.id = f.answer_id
        WHERE m.mark = 'missing-knowledge' AND f.created_at >= $1
       ORDER BY at DESC LIMIT 2000`,
      [since],
    );
    return r.rows.map((x) => ({ question: x.question, lang: x.lang, at: new Date(x.at), reason: x.reason }));
  }

  async usage(days: number, now: Date): Promise<UsageFigures> {
    const since = new Date(now.getTime() - days * 86_400_000).toISOString();
    const counts = async (sql: string) =>
      (await this.db.query<{ day?: string; key: string | null; n: string }>(sql, [since])).rows.map((x) => ({
        day: x.day ?? '',
        key: x.key ?? '—',
        n: Number(x.n),
      }));
    const perDayChannel = await counts(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, channel AS key, count(*) AS n
         FROM answers WHERE created_at >= $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const perDayLang = await counts(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, lang AS key, count(*) AS n
         FROM answers WHERE created_at >= $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    // A turn that called a tool is a tool answer whatever wrote its text.
    const modes = await counts(
      `SELECT CASE WHEN jsonb_array_length(COALESCE(tool_calls, '[]'::jsonb)) > 0 THEN 'tool' ELSE mode END AS key,
              count(*) AS n FROM answers WHERE created_at >= $1 GROUP BY 1 ORDER BY 2 DESC`,
    );
    const fb = await counts(
      `SELECT CASE WHEN rating > 0 THEN 'up' ELSE 'down' END AS key, count(*) AS n FROM feedback
        WHERE created_at >= $1 GROUP BY 1`,
    );
    const topics = await counts(
      `SELECT c->>'category' AS key, count(DISTINCT a.id) AS n
         FROM answers a, jsonb_array_elements(a.citations) c
        WHERE a.created_at >= $1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
    );
    const countries = await counts(
      `SELECT key, sum(n) AS n FROM (
         SELECT d.country AS key, count(DISTINCT a.id) AS n
           FROM answers a, jsonb_array_elements(a.citations) c
           JOIN documents doc ON doc.id = c->>'docId', unnest(doc.countries) AS d(country)
          WHERE a.created_at >= $1 GROUP BY 1
         UNION ALL
         SELECT country AS key, count(*) AS n FROM tickets WHERE created_at >= $1 AND country IS NOT NULL GROUP BY 1
       ) x GROUP BY key ORDER BY 2 DESC, 1 LIMIT 10`,
    );
    return {
      perDayChannel,
      perDayLang,
      modes: modes.map(({ key, n }) => ({ key, n })),
      feedback: { up: fb.find((x) => x.key === 'up')?.n ?? 0, down: fb.find((x) => x.key === 'down')?.n ?? 0 },
      topics: topics.map(({ key, n }) => ({ key, n })),
      countries: countries.map(({ key, n }) => ({ key, n })),
    };
  }
}
