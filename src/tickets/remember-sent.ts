// After an outbox send: remember the ids later steps need (the ticket's Slack thread, the
// exporter's Telegram copy of a lawyer's message, which their reply points at).
import type { OutboxRow } from '../store/outbox.js';
import type { TicketRepo } from './ticket-repo.js';

export function rememberSent(tickets: TicketRepo) {
  return async (row: OutboxRow, result: unknown): Promise<void> => {
    const sent = result as { messageId?: number; channel?: string; ts?: string };
    if (row.kind === 'telegram.send' && row.payload.ticketMessageId && sent.messageId)
      await tickets.setTelegramMessageId(row.payload.ticketMessageId, sent.messageId);
    if (row.kind === 'slack.post' && row.payload.rememberAs === 'ticket-root' && sent.ts && sent.channel)
      await tickets.setSlackTs(row.payload.ticketId, sent.channel, sent.ts);
  };
}
