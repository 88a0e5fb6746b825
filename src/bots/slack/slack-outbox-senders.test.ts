import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotReadyError, RetryLaterError, type OutboxRow, type Sender } from '../../store/outbox.js';
import type { LawFirmDirectory } from '../../tickets/law-firm-directory.js';
import type { Ticket, TicketRepo } from '../../tickets/ticket-repo.js';
import { startFakeSlack, type FakeSlack } from '../../../test/support/fake-slack.js';
import { slackSenders, ticketNoteText, ticketNoticeText } from './slack-outbox-senders.js';
import { ticketBlocks } from './ticket-blocks.js';
import { slackWatchText } from './slack-watch.js';

const NOW = new Date('2026-12-01T10:00:00Z');
const firms: LawFirmDirectory = {
  version: 1,
  shared_queue_channel: '#legal-queue',
  firms: [
    {
      id: 'firm-b',
      name: 'Firm B',
      slack_channel: '#legal-b',
      practice_areas: ['contracts'],
      jurisdictions: ['RU'],
      languages: ['ru'],
    } as never,
    {
      id: 'firm-a',
      name: 'Firm A',
      slack_channel: '#legal-a',
      practice_areas: ['disputes-arbitration'],
      jurisdictions: ['KZ'],
      languages: ['ru'],
    } as never,
  ],
};
const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 7,
  status: 'offered',
  channel: 'telegram',
  userId: '601',
  chatId: '601',
  conversationId: null,
  lang: 'ru',
  country: 'KZ',
  summary: 'Buyer does not pay',
  note: null,
  awaitingNote: false,
  practiceArea: 'disputes-arbitration',
  jurisdiction: 'KZ',
  firmId: 'firm-a',
  slackChannel: 'CLEGALA',
  slackTs: '1700000000.000001',
  claimedBy: null,
  rating: null,
  createdAt: new Date('2026-12-01T08:00:00Z'),
  offeredAt: null,
  answeredAt: null,
  lastUserReplyAt: null,
  reannouncedAt: null,
  supervisedAt: null,
  ...over,
});

describe('Slack outbox senders', () => {
  let slack: FakeSlack;
  let tickets: Map<number, Ticket>;
  let post: Sender;
  let update: Sender;
  let client: InstanceType<typeof webApi.WebClient>;
  beforeAll(async () => {
    slack = await startFakeSlack();
    // As the outbox builds it: no retries of its own, a 429 rejected at once.
    client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    const repo = { get: async (id: number) => tickets.get(id) } as unknown as TicketRepo;
    const senders = slackSenders(client, repo, firms, () => NOW);
    post = senders['slack.post']!;
    update = senders['slack.update']!;
  });
  afterAll(async () => {
    await slack?.close();
  });
  beforeEach(() => {
    slack.calls.length = 0;
    slack.posted.length = 0;
    slack.failWith = undefined;
    tickets = new Map([[7, ticket()]]);
  });
  const row = (payload: Record<string, unknown>, over: Partial<OutboxRow> = {}): OutboxRow => ({
    id: 1,
    kind: 'slack.post',
    key: 'ticket:7:k',
    attempts: 1,
    payload,
    ...over,
  });
  const methods = () => slack.calls.map((c) => c.method);

  it('posts text to a channel with the row key as metadata and returns where it went', async () => {
    expect(await post(row({ channel: 'C1', text: 'Hello <b>' }))).toEqual({ channel: 'C1', ts: slack.posted[0]!.ts });
    expect(slack.calls[0]).toMatchObject({
      method: 'chat.postMessage',
      args: {
        channel: 'C1',
        text: 'Hello <b>',
        metadata: { event_type: 'sco_outbox', event_payload: { key: 'ticket:7:k' } },
      },
    });
    expect(slack.calls[0]!.args.thread_ts).toBeUndefined();
    expect(slack.calls[0]!.args.reply_broadcast).toBeUndefined();
  });

  it('posts into a given thread, broadcast only when asked, and keeps blocks that come with a row', async () => {
    await post(row({ channel: 'C1', threadTs: '9.9', text: 't', blocks: [{ type: 'divider' }] }));
    expect(slack.calls[0]!.args).toMatchObject({
      thread_ts: '9.9',
      reply_broadcast: 'false',
      blocks: [{ type: 'divider' }],
    });
    await post(row({ channel: 'C1', threadTs: '9.9', broadcast: true }));
    expect(slack.calls[1]!.args).toMatchObject({ thread_ts: '9.9', reply_broadcast: 'true', text: '' });
  });

  it("posts a note into the ticket's own thread once it exists, and waits (NotReady) until then", async () => {
    const note = { kind: 'claimed-by' as const, ticketId: 7, user: 'U_LAW' };
    await post(row({ ticketId: 7, inThread: true, note }));
    expect(slack.calls[0]!.args).toMatchObject({
      channel: 'CLEGALA',
      thread_ts: '1700000000.000001',
      text: 'Claimed by <@U_LAW>.',
    });
    tickets.set(7, ticket({ slackTs: null }));
    await expect(post(row({ ticketId: 7, inThread: true, note }))).rejects.toThrow(
      new NotReadyError('the ticket message is not posted yet'),
    );
    tickets.set(7, ticket({ slackChannel: null }));
    await expect(post(row({ ticketId: 7, inThread: true, note }))).rejects.toBeInstanceOf(NotReadyError);
    await expect(post(row({ ticketId: 8, inThread: true, note }))).rejects.toThrow('ticket 8 does not exist');
    await expect(post(row({ inThread: true, note }))).rejects.toThrow('ticket undefined does not exist');
  });

  it("draws the ticket's message with the time it is sent when no clock is given (the program's default)", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-03T09:30:00Z'));
      const repo = { get: async (id: number) => tickets.get(id) } as unknown as TicketRepo;
      await slackSenders(client, repo, firms)['slack.update']!(row({ ticketId: 7 }, { kind: 'slack.update' }));
      const drawn = ticketBlocks(ticket(), firms.firms[1], new Date('2026-12-03T09:30:00Z'));
      expect(slack.calls[0]!.args).toMatchObject({ text: drawn.text, blocks: drawn.blocks });
    } finally {
      vi.useRealTimers();
    }
  });

  it("draws the ticket's message from the ticket's state when the row is sent", async () => {
    await post(row({ ticketId: 7, channel: '#legal-a', view: 'ticket' }));
    const drawn = ticketBlocks(ticket(), firms.firms[1], NOW);
    expect(slack.calls[0]!.args).toMatchObject({ channel: '#legal-a', text: drawn.text, blocks: drawn.blocks });
    tickets.set(7, ticket({ firmId: 'nobody' }));
    await post(row({ ticketId: 7, channel: '#legal-queue', view: 'ticket' }));
    expect(slack.calls[1]!.args.text).toBe(ticketBlocks(ticket({ firmId: 'nobody' }), undefined, NOW).text);
  });

  it('renders a watch digest for a Slack subscriber', async () => {
    const watch = {
      kind: 'review' as const,
      lang: 'en' as const,
      docs: [{ title: 'EAEU labelling', reviewBy: '2026-11-30', path: 'knowledge/x.en.md' }],
      more: 0,
    };
    await post(row({ channel: 'C9', watch }));
    expect(slack.calls[0]!.args.text).toBe(slackWatchText(watch));
  });

  it('renders a notice for an exporter in Slack in their language', async () => {
    await post(row({ channel: 'C9', threadTs: '1.1', notice: { kind: 'claimed', ticketId: 7, lang: 'en' } }));
    expect(slack.calls[0]!.args.text).toBe('A lawyer has taken your ticket #7.');
  });

  it('on a retry, finds a post that went through before by its key instead of posting again', async () => {
    const first = await post(row({ channel: 'C1', text: 'once' }));
    expect(await post(row({ channel: 'C1', text: 'once' }, { attempts: 2 }))).toEqual(first);
    expect(methods()).toEqual(['chat.postMessage', 'conversations.history']);
    expect(slack.calls[1]!.args).toMatchObject({ channel: 'C1', limit: '100', include_all_metadata: 'true' });
    // In a thread the thread is searched.
    await post(row({ channel: 'C1', threadTs: '5.5', text: 'in thread' }, { key: 'k2' }));
    const again = await post(row({ channel: 'C1', threadTs: '5.5', text: 'in thread' }, { key: 'k2', attempts: 3 }));
    expect(again).toEqual({ channel: 'C1', ts: slack.posted.at(-1)!.ts });
    expect(methods().slice(2)).toEqual(['chat.postMessage', 'conversations.replies']);
    expect(slack.calls[3]!.args).toMatchObject({ ts: '5.5', include_all_metadata: 'true' });
    expect(slack.posted).toHaveLength(2);
  });

  it('posts on a retry when no earlier post carries the key', async () => {
    // A message a person wrote carries no metadata at all.
    await client.chat.postMessage({ channel: 'C1', text: 'a person typed this' });
    slack.calls.length = 0;
    await post(row({ channel: 'C1', text: 'other' }, { key: 'someone-else' }));
    await post(row({ channel: 'C1', text: 'mine' }, { key: 'mine', attempts: 2 }));
    expect(methods()).toEqual(['chat.postMessage', 'conversations.history', 'chat.postMessage']);
    expect(slack.posted.map((m) => m.metadata?.event_payload.key)).toEqual([undefined, 'someone-else', 'mine']);
  });

  it("updates the ticket's message in place, and waits while it has none", async () => {
    expect(await update(row({ ticketId: 7 }, { kind: 'slack.update' }))).toEqual({
      channel: 'CLEGALA',
      ts: '1700000000.000001',
    });
    const drawn = ticketBlocks(ticket(), firms.firms[1], NOW);
    expect(slack.calls[0]).toMatchObject({
      method: 'chat.update',
      args: { channel: 'CLEGALA', ts: '1700000000.000001', text: drawn.text, blocks: drawn.blocks },
    });
    tickets.set(7, ticket({ slackTs: null }));
    await expect(update(row({ ticketId: 7 }, { kind: 'slack.update' }))).rejects.toThrow(
      new NotReadyError('the ticket message is not posted yet'),
    );
    tickets.set(7, ticket({ slackChannel: null }));
    await expect(update(row({ ticketId: 7 }, { kind: 'slack.update' }))).rejects.toBeInstanceOf(NotReadyError);
  });

  it("turns Slack's 429 into 'come back after Retry-After', and passes other failures on", async () => {
    slack.failWith = 429;
    const err = await post(row({ channel: 'C1', text: 'x' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryLaterError);
    expect((err as RetryLaterError).afterMs).toBe(60_000);
    expect((err as Error).message).toBe('Slack rate limit: retry after 60 s');
    await expect(update(row({ ticketId: 7 }, { kind: 'slack.update' }))).rejects.toBeInstanceOf(RetryLaterError);
    slack.failWith = 503;
    const other = await post(row({ channel: 'C1', text: 'x' })).catch((e: unknown) => e);
    expect(other).not.toBeInstanceOf(RetryLaterError);
    expect(other).toBeInstanceOf(Error);
  });
});

describe('ticketNoticeText', () => {
  it('tells an exporter in Slack what happened to their ticket, in their language', () => {
    expect(ticketNoticeText({ kind: 'claimed', ticketId: 3, lang: 'ru' })).toBe('Юрист взял вашу заявку №3 в работу.');
    expect(
      ticketNoticeText({
        kind: 'lawyer-reply',
        ticketId: 3,
        lang: 'en',
        firm: 'Firm <A>',
        text: 'Send <the> contract',
        translated: false,
      }),
    ).toBe(
      "*⚖️ The lawyer's answer on ticket #3 (Firm <A>):*\n\nSend &lt;the&gt; contract\n\n_(as the lawyer wrote it, not translated)_",
    );
    expect(
      ticketNoticeText({ kind: 'lawyer-reply', ticketId: 3, lang: 'en', firm: 'F', text: 't', translated: true }),
    ).toContain('_(machine-translated; the lawyer has the original)_');
    expect(ticketNoticeText({ kind: 'closed', ticketId: 3, lang: 'en', askRating: true })).toBe(
      "Ticket #3 is closed. Please rate the lawyer's help.",
    );
    expect(ticketNoticeText({ kind: 'closed', ticketId: 3, lang: 'zh', askRating: false })).toBe(
      '第3号工单已关闭。请为律师的帮助打分。',
    );
  });
});

describe('ticketNoteText', () => {
  it('writes the legal team a line in English', () => {
    expect(ticketNoteText({ kind: 'claimed-by', ticketId: 1, user: 'U1' })).toBe('Claimed by <@U1>.');
    expect(ticketNoteText({ kind: 'console-reply', ticketId: 1, user: 'U2', text: 'see <att>' })).toBe(
      '<@U2> replied from the staff console (sent to the exporter): see &lt;att&gt;',
    );
    expect(ticketNoteText({ kind: 'exporter-reply', ticketId: 1, lang: 'ru', text: 'a <b> & c' })).toBe(
      'Exporter (ru): a &lt;b&gt; &amp; c',
    );
    expect(ticketNoteText({ kind: 'unclaimed', ticketId: 4, minutes: 60 })).toBe(
      '⏰ Ticket #4 is still unclaimed after 60 min.',
    );
    expect(
      ticketNoteText({
        kind: 'escalated',
        ticketId: 4,
        practiceArea: 'disputes',
        lang: 'zh',
        channel: '#legal-a',
        minutes: 120,
      }),
    ).toBe('🚨 Legal ticket #4 (disputes, zh) has been unclaimed in #legal-a for 120 min.');
    expect(
      ticketNoteText({
        kind: 'escalated',
        ticketId: 4,
        practiceArea: 'disputes',
        lang: 'zh',
        channel: null,
        minutes: 120,
      }),
    ).toContain('unclaimed in the shared queue for');
  });
});
