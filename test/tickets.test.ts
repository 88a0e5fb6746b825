// Ticket lifecycle, audit, outbox delivery and SLA timers with an injected clock (no waiting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxWorker } from '../src/jobs/outbox-worker.js';
import { ticketNoteText } from '../src/bots/slack/slack-outbox-senders.js';
import { ticketBlocks } from '../src/bots/slack/ticket-blocks.js';
import { renderTicketNotice } from '../src/bots/telegram/telegram-outbox-sender.js';
import { createLogger } from '../src/observability/logger.js';
import { ConversationRepo } from '../src/store/conversation-repo.js';
import type { Db } from '../src/store/db.js';
import { openDb } from '../src/store/open-db.js';
import { OutboxRepo, type OutboxRow, type Sender } from '../src/store/outbox.js';
import { matchFirm, suggestPracticeArea } from '../src/tickets/firm-matching.js';
import { loadLawFirmDirectory } from '../src/tickets/law-firm-directory.js';
import { TicketRepo, TicketTransitionError } from '../src/tickets/ticket-repo.js';
import { TicketService } from '../src/tickets/ticket-service.js';

describe('legal tickets', () => {
  let db: Db;
  let clock = new Date('2026-11-25T09:00:00Z');
  const now = () => clock;
  const advance = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
  let service: TicketService;
  let conversations: ConversationRepo;
  const firms = loadLawFirmDirectory('knowledge/partners/law-firms.yaml');
  const sent: OutboxRow[] = [];
  let failNext = 0;
  const record: Sender = async (row) => {
    if (failNext > 0) {
      failNext--;
      throw new Error('slack is down');
    }
    sent.push(row);
    return row.kind === 'slack.post'
      ? { channel: 'C_FIRM', ts: `${sent.length}.0001` }
      : { messageId: 500 + sent.length };
  };
  let worker: OutboxWorker;

  beforeAll(async () => {
    db = await openDb({ databaseUrl: undefined, dataDir: undefined });
    conversations = new ConversationRepo(db);
    const repo = new TicketRepo(db);
    service = new TicketService({
      repo,
      conversations,
      firms,
      llm: undefined,
      now,
      sla: { claimMinutes: 60, autoCloseHours: 72, supervisorChannel: '#legal-supervisors' },
    });
    worker = new OutboxWorker({
      repo: new OutboxRepo(db),
      senders: { 'telegram.send': record, 'slack.post': record, 'slack.update': record },
      log: createLogger('silent'),
      now,
      backoffMs: () => 60_000,
      onTick: (n) => service.slaSweep(n),
      onSent: async (row, result) => {
        const r = result as { ts?: string; channel?: string; messageId?: number };
        if (row.payload.rememberAs === 'ticket-root') await repo.setSlackTs(row.payload.ticketId, r.channel!, r.ts!);
        if (row.payload.ticketMessageId) await repo.setTelegramMessageId(row.payload.ticketMessageId, r.messageId!);
      },
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  async function newTicket(question: string) {
    const conv = `telegram:${Math.random()}`;
    await conversations.openTurn(conv, 'telegram', 'u1', 'ru', question, 8);
    const draft = await service.draft({
      channel: 'telegram',
      userId: 'u1',
      chatId: '42',
      conversationId: conv,
      lang: 'ru',
    });
    return draft;
  }

  it('drafts from the conversation with a suggested practice area and jurisdiction, and shares nothing yet', async () => {
    const d = await newTicket('Покупатель из Алматы подал иск в арбитраж по договору поставки');
    expect(d).toMatchObject({ status: 'draft', practiceArea: 'disputes-arbitration', jurisdiction: 'KZ', lang: 'ru' });
    expect(d.summary).toContain('Покупатель из Алматы');
    expect(service.preview(d)).toContain('Страна: KZ');
    expect(await new OutboxRepo(db).depth()).toBe(0);
  });

  it('runs new → offered → claimed → answered → closed with an audit row per step and delivers each notice once', async () => {
    const d = await newTicket('Нужна проверка санкционных рисков по OFAC для поставки в Россию');
    await service.confirm(d.id, 'telegram:u1');
    expect(await worker.runOnce()).toBe(1);
    const offer = sent.at(-1)!;
    expect(offer.payload).toMatchObject({ channel: '#legal-example-b', rememberAs: 'ticket-root', view: 'ticket' });
    const offered = (await service.repo.get(d.id))!;
    expect(JSON.stringify(ticketBlocks(offered, undefined, clock).blocks)).toContain('ticket_claim');
    await service.claim(d.id, 'U_LAW');
    await service.firmReply(d.id, 'U_LAW', 'Пришлите, пожалуйста, контракт.');
    await worker.runOnce();
    const toUser = sent.filter((r) => r.kind === 'telegram.send').at(-1)!;
    const shown = renderTicketNotice(toUser.payload.notice).text;
    expect(shown).toContain('Ответ юриста по заявке');
    expect(shown).toContain('как написал юрист, без перевода');
    expect(shown).toContain('Пришлите, пожалуйста, контракт.');
    const t = await service.repo.byTelegramMessage(Number(500 + sent.indexOf(toUser) + 1), '42');
    expect(t?.id).toBe(d.id);
    await service.userReply(d.id, 'u1', 'Отправил контракт.');
    await service.close(d.id, 'slack:U_LAW');
    await worker.runOnce();
    expect(
      sent.some(
        (r) =>
          r.kind === 'slack.post' &&
          r.payload.note &&
          ticketNoteText(r.payload.note) === 'Exporter (ru): Отправил контракт.',
      ),
    ).toBe(true);
    expect(renderTicketNotice(sent.at(-1)!.payload.notice).replyMarkup!.inline_keyboard[0]).toHaveLength(5);
    expect(await service.rate(d.id, 'u1', 5)).toBe(true);
    const events = await service.repo.events(d.id);
    expect(events.map((e) => `${e.from}→${e.to}`)).toEqual([
      'null→draft',
      'draft→new',
      'new→offered',
      'offered→claimed',
      'claimed→answered',
      'answered→closed',
      'closed→closed',
    ]);
    expect(events[3]!.actor).toBe('slack:U_LAW');
    const keys = sent.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses transitions the lifecycle does not allow', async () => {
    const d = await newTicket('вопрос по договору');
    await expect(service.claim(d.id, 'U_LAW')).rejects.toBeInstanceOf(TicketTransitionError);
    await service.confirm(d.id, 'telegram:u1');
    await expect(service.confirm(d.id, 'telegram:u1')).rejects.toBeInstanceOf(TicketTransitionError);
  });

  it('retries a failed delivery later and sends it exactly once', async () => {
    await worker.runOnce(); // earlier tests' notices out of the way
    const d = await newTicket('таможенная стоимость и пошлина');
    await service.confirm(d.id, 'telegram:u1');
    const before = sent.length;
    failNext = 1;
    await worker.runOnce();
    expect(sent.length).toBe(before); // failed, kept
    await worker.runOnce();
    expect(sent.length).toBe(before); // not due yet (backoff on the injected clock)
    advance(2);
    await worker.runOnce();
    expect(sent.filter((r) => r.key === `ticket:${d.id}:offer`)).toHaveLength(1);
  });

  it('delays but loses nothing through a one-minute Slack outage', async () => {
    await worker.runOnce();
    const d = await newTicket('вопрос по валютному контролю и оплате');
    await service.confirm(d.id, 'telegram:u1');
    failNext = 1000; // down
    for (let s = 0; s < 60; s += 15) {
      await worker.runOnce();
      advance(0.25);
    }
    expect(sent.some((r) => r.key === `ticket:${d.id}:offer`)).toBe(false);
    failNext = 0; // back
    advance(1);
    await worker.runOnce();
    await worker.runOnce();
    expect(sent.filter((r) => r.key === `ticket:${d.id}:offer`)).toHaveLength(1);
  });

  it('re-announces an unclaimed ticket after the SLA, raises it to supervisors after twice that, and auto-closes silent answered ones', async () => {
    await worker.runOnce();
    const d = await newTicket('договор и форс-мажор');
    await service.confirm(d.id, 'telegram:u1');
    await worker.runOnce();
    advance(59);
    await worker.runOnce();
    expect(sent.some((r) => r.key.startsWith(`ticket:${d.id}:reannounce`))).toBe(false);
    advance(2);
    await worker.runOnce();
    await worker.runOnce();
    expect(sent.filter((r) => r.key.startsWith(`ticket:${d.id}:reannounce`))).toHaveLength(1);
    advance(60);
    await worker.runOnce();
    await worker.runOnce();
    const sup = sent.filter((r) => r.key.startsWith(`ticket:${d.id}:supervisor`));
    expect(sup).toHaveLength(1);
    expect(sup[0]!.payload.channel).toBe('#legal-supervisors');

    await service.claim(d.id, 'U_LAW');
    await service.firmReply(d.id, 'U_LAW', 'Ответ.');
    advance(71 * 60);
    await service.slaSweep(clock);
    expect((await service.repo.get(d.id))!.status).toBe('answered');
    advance(2 * 60);
    await service.slaSweep(clock);
    expect((await service.repo.get(d.id))!.status).toBe('closed');
  });

  it('matches firms by practice area, jurisdiction and language, else the shared queue', () => {
    expect(
      matchFirm(firms, { practiceArea: 'sanctions-export-control', jurisdiction: 'RU', lang: 'ru' }).firm?.id,
    ).toBe('example-firm-moscow');
    expect(matchFirm({ ...firms, firms: [] }, { practiceArea: 'ip', lang: 'zh' }).channel).toBe('#legal-queue');
    expect(suggestPracticeArea('合同纠纷，要仲裁')).toBe('disputes-arbitration');
    expect(suggestPracticeArea('anything', 'customs')).toBe('customs');
  });
});
