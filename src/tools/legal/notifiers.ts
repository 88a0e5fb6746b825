// How outbox rows reach people: Telegram messages through the Bot API, Slack posts and updates
// through the Web API. A Slack post carries its idempotency key as message metadata; a retry whose
// earlier attempt may have gone through looks for it first, so a crash never doubles a message.
import type { Api } from 'grammy';
import type { webApi } from '@slack/bolt';
import { NotReadyError, type Sender } from '../../jobs/outbox-worker.js';
import type { OutboxKind, OutboxRow } from '../../store/outbox.js';
import type { TicketRepo } from './ticket-repo.js';

type WebClient = InstanceType<typeof webApi.WebClient>;

const METADATA_TYPE = 'sco_outbox';

export function telegramSender(api: Api): Sender {
  return async (row) => {
    const p = row.payload as { chatId: string; text: string; replyMarkup?: unknown };
    const m = await api.sendMessage(p.chatId, p.text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(p.replyMarkup ? { reply_markup: p.replyMarkup as never } : {}) });
    return { messageId: m.message_id };
  };
}

export function slackSenders(client: WebClient, tickets: TicketRepo): Partial<Record<OutboxKind, Sender>> {
  const target = async (row: OutboxRow) => {
    const p = row.payload as { ticketId?: number; inThread?: boolean; channel?: string; threadTs?: string };
    if (!p.inThread) return { channel: p.channel!, threadTs: p.threadTs };
    const t = await tickets.get(p.ticketId!);
    if (!t?.slackTs || !t.slackChannel) throw new NotReadyError('the ticket message is not posted yet');
    return { channel: t.slackChannel, threadTs: t.slackTs };
  };
  return {
    'slack.post': async (row) => {
      const p = row.payload as { text: string; blocks?: unknown[]; broadcast?: boolean };
      const { channel, threadTs } = await target(row);
      if (row.attempts > 1) {
        const earlier = await findByKey(client, channel, threadTs, row.key);
        if (earlier) return earlier;
      }
      const args = {
        channel, text: p.text, ...(p.blocks ? { blocks: p.blocks } : {}), ...(threadTs ? { thread_ts: threadTs, reply_broadcast: p.broadcast ?? false } : {}),
        metadata: { event_type: METADATA_TYPE, event_payload: { key: row.key } },
      };
      const res = await client.chat.postMessage(args as never);
      return { channel: res.channel, ts: res.ts };
    },
    'slack.update': async (row) => {
      const p = row.payload as { ticketId: number; text: string; blocks: unknown[] };
      const t = await tickets.get(p.ticketId);
      if (!t?.slackTs || !t.slackChannel) throw new NotReadyError('the ticket message is not posted yet');
      await client.chat.update({ channel: t.slackChannel, ts: t.slackTs, text: p.text, blocks: p.blocks as never });
      return { channel: t.slackChannel, ts: t.slackTs };
    },
  };
}

async function findByKey(client: WebClient, channel: string, threadTs: string | undefined, key: string): Promise<{ channel: string; ts: string } | undefined> {
  const res = threadTs
    ? await client.conversations.replies({ channel, ts: threadTs, limit: 100, include_all_metadata: true })
    : await client.conversations.history({ channel, limit: 100, include_all_metadata: true });
  const found = (res.messages ?? []).find((m) => (m as { metadata?: { event_payload?: { key?: string } } }).metadata?.event_payload?.key === key);
  return found?.ts ? { channel, ts: found.ts } : undefined;
}

/** After a send: remember the ids later steps need (the ticket's thread, the exporter's copy). */
export function rememberSent(tickets: TicketRepo) {
  return async (row: OutboxRow, result: unknown): Promise<void> => {
    const r = result as { messageId?: number; channel?: string; ts?: string };
    if (row.kind === 'telegram.send' && row.payload.ticketMessageId && r.messageId) await tickets.setTelegramMessageId(row.payload.ticketMessageId, r.messageId);
    if (row.kind === 'slack.post' && row.payload.rememberAs === 'ticket-root' && r.ts && r.channel) await tickets.setSlackTs(row.payload.ticketId, r.channel, r.ts);
  };
}
