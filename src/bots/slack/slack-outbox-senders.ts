// Outbox rows for Slack. The ticket's own message is drawn from the ticket's current state when the
// row is sent (ticket-blocks.ts); notes for the legal team and notices for an exporter who escalated
// from Slack are rendered here. A post carries its idempotency key as message metadata: a retry
// whose earlier attempt may have gone through looks for it first, so a crash never doubles a message.
import type { webApi } from '@slack/bolt';
import { ticketText } from '../../i18n/ticket-texts.js';
import { NotReadyError, RetryLaterError, type OutboxKind, type OutboxRow, type Sender } from '../../store/outbox.js';
import type { LawFirmDirectory } from '../../tickets/law-firm-directory.js';
import type { TicketNote, TicketNotice } from '../../tickets/ticket-notices.js';
import type { Ticket, TicketRepo } from '../../tickets/ticket-repo.js';
import { escapeMrkdwn } from './slack-format.js';
import { ticketBlocks } from './ticket-blocks.js';
import type { WatchDigest } from '../../domain/watch.js';
import { slackWatchText } from './slack-watch.js';

type WebClient = InstanceType<typeof webApi.WebClient>;

const METADATA_TYPE = 'sco_outbox';

/** An exporter who escalated from Slack reads the notice as plain text in their thread. */
export function ticketNoticeText(notice: TicketNotice): string {
  const { lang, ticketId: id } = notice;
  switch (notice.kind) {
    case 'claimed':
      return ticketText(lang, 'claimed', { id });
    case 'lawyer-reply':
      return `*${ticketText(lang, 'fromLawyer', { id, firm: notice.firm })}*\n\n${escapeMrkdwn(notice.text)}\n\n_${ticketText(lang, notice.translated ? 'translated' : 'asWritten')}_`;
    case 'closed':
      // The rating keyboard is Telegram's: in Slack the colon that introduces it ends the sentence.
      return ticketText(lang, 'closed', { id }).replace(/[:：]$/, lang === 'zh' ? '。' : '.');
  }
}

/** The legal team works in English in Slack (the firms' common language). */
export function ticketNoteText(note: TicketNote): string {
  switch (note.kind) {
    case 'claimed-by':
      return `Claimed by <@${note.user}>.`;
    case 'exporter-reply':
      return `Exporter (${note.lang}): ${escapeMrkdwn(note.text)}`;
    case 'console-reply':
      return `<@${note.user}> replied from the staff console (sent to the exporter): ${escapeMrkdwn(note.text)}`;
    case 'unclaimed':
      return `⏰ Ticket #${note.ticketId} is still unclaimed after ${note.minutes} min.`;
    case 'escalated':
      return `🚨 Legal ticket #${note.ticketId} (${note.practiceArea}, ${note.lang}) has been unclaimed in ${note.channel ?? 'the shared queue'} for ${note.minutes} min.`;
  }
}

interface SlackPostPayload {
  ticketId?: number;
  inThread?: boolean;
  channel?: string;
  threadTs?: string;
  broadcast?: boolean;
  view?: 'ticket';
  note?: TicketNote;
  notice?: TicketNotice;
  watch?: WatchDigest;
  text?: string;
  blocks?: unknown[];
}

export function slackSenders(
  client: WebClient,
  tickets: TicketRepo,
  firms: LawFirmDirectory,
  now: () => Date = () => new Date(),
): Partial<Record<OutboxKind, Sender>> {
  const loadTicket = async (id: number | undefined): Promise<Ticket> => {
    const ticket = id === undefined ? undefined : await tickets.get(id);
    if (!ticket) throw new Error(`ticket ${id} does not exist`);
    return ticket;
  };
  const drawTicket = (ticket: Ticket) =>
    ticketBlocks(
      ticket,
      firms.firms.find((f) => f.id === ticket.firmId),
      now(),
    );
  const target = async (p: SlackPostPayload) => {
    if (!p.inThread) return { channel: p.channel!, threadTs: p.threadTs };
    const ticket = await loadTicket(p.ticketId);
    if (!ticket.slackTs || !ticket.slackChannel) throw new NotReadyError('the ticket message is not posted yet');
    return { channel: ticket.slackChannel, threadTs: ticket.slackTs };
  };
  const content = async (p: SlackPostPayload): Promise<{ text: string; blocks?: unknown[] }> => {
    if (p.view === 'ticket') return drawTicket(await loadTicket(p.ticketId));
    if (p.note) return { text: ticketNoteText(p.note) };
    if (p.notice) return { text: ticketNoticeText(p.notice) };
    if (p.watch) return { text: slackWatchText(p.watch) };
    return { text: p.text ?? '', ...(p.blocks ? { blocks: p.blocks } : {}) };
  };
  return {
    'slack.post': (row) => retryAfterFromSlack(() => post(row)),
    'slack.update': (row) => retryAfterFromSlack(() => update(row)),
  };

  async function post(row: OutboxRow) {
    const p = row.payload as SlackPostPayload;
    const { channel, threadTs } = await target(p);
    if (row.attempts > 1) {
      const earlier = await findByKey(client, channel, threadTs, row.key);
      if (earlier) return earlier;
    }
    const body = await content(p);
    const args = {
      channel,
      ...body,
      ...(threadTs ? { thread_ts: threadTs, reply_broadcast: p.broadcast ?? false } : {}),
      metadata: { event_type: METADATA_TYPE, event_payload: { key: row.key } },
    };
    const res = await client.chat.postMessage(args as never);
    return { channel: res.channel, ts: res.ts };
  }

  async function update(row: OutboxRow) {
    const ticket = await loadTicket((row.payload as SlackPostPayload).ticketId);
    if (!ticket.slackTs || !ticket.slackChannel) throw new NotReadyError('the ticket message is not posted yet');
    const view = drawTicket(ticket);
    await client.chat.update({
      channel: ticket.slackChannel,
      ts: ticket.slackTs,
      text: view.text,
      blocks: view.blocks as never,
    });
    return { channel: ticket.slackChannel, ts: ticket.slackTs };
  }
}

/** Slack's 429 (the client rejects it at once) becomes "come back after its Retry-After". */
async function retryAfterFromSlack<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const e = err as { code?: string; retryAfter?: number };
    if (e.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number')
      throw new RetryLaterError(`Slack rate limit: retry after ${e.retryAfter} s`, e.retryAfter * 1000);
    throw err;
  }
}

async function findByKey(
  client: WebClient,
  channel: string,
  threadTs: string | undefined,
  key: string,
): Promise<{ channel: string; ts: string } | undefined> {
  const res = threadTs
    ? await client.conversations.replies({ channel, ts: threadTs, limit: 100, include_all_metadata: true })
    : await client.conversations.history({ channel, limit: 100, include_all_metadata: true });
  const found = (res.messages ?? []).find(
    (m) => (m as { metadata?: { event_payload?: { key?: string } } }).metadata?.event_payload?.key === key,
  );
  return found?.ts ? { channel, ts: found.ts } : undefined;
}
