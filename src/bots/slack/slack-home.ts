// The App Home tab: what the bot can do, the user's recent questions and, for the legal team, the
// ticket queue (filled by the legal escalation issue).
import type { Db } from '../../store/db.js';
import { escapeMrkdwn } from './slack-format.js';

export async function homeView(db: Db, userId: string, isLegal: boolean): Promise<Record<string, unknown>> {
  const recent = await db.query<{ question: string; created_at: Date | string }>(
    "SELECT question, created_at FROM answers WHERE channel = 'slack' AND user_id = $1 ORDER BY id DESC LIMIT 5",
    [userId],
  );
  const blocks: Array<Record<string, unknown>> = [
    { type: 'header', text: { type: 'plain_text', text: 'SCO Trade Advisor · 上合经贸助手 · Торговый советник ШОС' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          '*What I can do* — answer questions on EAEU certification, customs, logistics and the Fazhigu (法智谷) legal FAQs in 中文, русский or English, citing sources with their dates.\n' +
          '• Mention me in a channel (a thread is one conversation) or write to me directly\n' +
          '• `/advisor ask <question>` · `/advisor credit <company>` · `/advisor route <from> <to>` · `/advisor tickets`',
      },
    },
    { type: 'divider' },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: recent.rows.length
          ? `*Your recent questions*\n${recent.rows.map((r) => `• ${escapeMrkdwn(r.question.slice(0, 150))} _(${new Date(r.created_at).toISOString().slice(0, 10)})_`).join('\n')}`
          : '*Your recent questions*\nNone yet.',
      },
    },
  ];
  if (isLegal) {
    blocks.push(
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Open legal tickets*\nThe ticket queue is not connected in this deployment yet.',
        },
      },
    );
  }
  return { type: 'home', blocks };
}
