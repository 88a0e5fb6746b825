// The ticket as the legal team sees it in Slack: summary, facts, and Claim / Release / Reply / Close.
import { escapeMrkdwn } from './slack-format.js';
import type { LawFirm } from '../../tickets/law-firm-directory.js';
import type { Ticket } from '../../tickets/ticket-repo.js';

export function ticketBlocks(
  t: Ticket,
  firm: LawFirm | undefined,
  now: Date,
): { text: string; blocks: Array<Record<string, unknown>> } {
  const ageH = Math.max(0, Math.round((now.getTime() - t.createdAt.getTime()) / 360_000) / 10);
  const owner = t.claimedBy ? `<@${t.claimedBy}>` : 'unclaimed';
  const text = `Legal ticket #${t.id} (${t.status}) — ${t.practiceArea}`;
  const fields = [
    `*Status:* ${t.status}`,
    `*Owner:* ${owner}`,
    `*Practice area:* ${t.practiceArea}`,
    `*Jurisdiction:* ${t.jurisdiction ?? '—'}`,
    `*Language:* ${t.lang}`,
    `*Country:* ${t.country ?? '—'}`,
    `*Firm:* ${firm ? escapeMrkdwn(firm.name) : 'shared queue'}`,
    `*Age:* ${ageH} h`,
  ];
  const buttons = [
    t.status === 'offered'
      ? {
          type: 'button',
          action_id: 'ticket_claim',
          text: { type: 'plain_text', text: 'Claim' },
          value: String(t.id),
          style: 'primary',
        }
      : undefined,
    t.status === 'claimed' || t.status === 'answered'
      ? {
          type: 'button',
          action_id: 'ticket_release',
          text: { type: 'plain_text', text: 'Release' },
          value: String(t.id),
        }
      : undefined,
    t.status === 'claimed' || t.status === 'answered'
      ? { type: 'button', action_id: 'ticket_reply', text: { type: 'plain_text', text: 'Reply' }, value: String(t.id) }
      : undefined,
    t.status !== 'closed'
      ? {
          type: 'button',
          action_id: 'ticket_close',
          text: { type: 'plain_text', text: 'Close' },
          value: String(t.id),
          style: 'danger',
        }
      : undefined,
    t.status === 'closed'
      ? {
          type: 'button',
          action_id: 'ticket_reopen',
          text: { type: 'plain_text', text: 'Reopen' },
          value: String(t.id),
        }
      : undefined,
  ].filter(Boolean);
  return {
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `⚖️ Legal ticket #${t.id}` } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*Summary (shared with the exporter's consent):*\n${escapeMrkdwn(t.summary).slice(0, 2800)}${t.note ? `\n*Note:* ${escapeMrkdwn(t.note).slice(0, 500)}` : ''}`,
        },
      },
      { type: 'section', fields: fields.map((f) => ({ type: 'mrkdwn', text: f })) },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'Reply in this thread to answer the exporter (relayed to Telegram). Only the legal team can use these buttons.',
          },
        ],
      },
      ...(buttons.length ? [{ type: 'actions', block_id: `ticket:${t.id}`, elements: buttons }] : []),
    ],
  };
}
