// A legal question goes to the firm of the market the exporter names, from their own words: "Покупатель
// из Казахстана…" in Telegram (real grammY, fake Bot API) becomes a ticket marked KZ, offered in the
// Almaty firm's Slack channel (real outbox senders, fake Slack Web API), even when the assistant's
// answer talked about Russia.
import { webApi } from '@slack/bolt';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSenders } from '../src/bots/slack/slack-outbox-senders.js';
import { telegramSender } from '../src/bots/telegram/telegram-outbox-sender.js';
import { OutboxWorker } from '../src/jobs/outbox-worker.js';
import { createLogger } from '../src/observability/logger.js';
import { OutboxRepo } from '../src/store/outbox.js';
import { loadLawFirmDirectory } from '../src/tickets/law-firm-directory.js';
import { rememberSent } from '../src/tickets/remember-sent.js';
import { TicketRepo } from '../src/tickets/ticket-repo.js';
import { TicketService } from '../src/tickets/ticket-service.js';
import { startHarness, type Harness } from './support/assistant-harness.js';
import { startFakeSlack, type FakeSlack } from './support/fake-slack.js';
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from './support/fake-telegram.js';
import { testBot } from './support/test-bot.js';

describe('legal escalation goes to the market the exporter names', () => {
  let h: Harness;
  let telegram: FakeTelegram;
  let slack: FakeSlack;
  let tickets: TicketService;
  let worker: OutboxWorker;

  beforeAll(async () => {
    h = await startHarness();
    telegram = await startFakeTelegram();
    slack = await startFakeSlack();
    const repo = new TicketRepo(h.db);
    const firms = loadLawFirmDirectory('knowledge/partners/law-firms.yaml');
    tickets = new TicketService({
      repo,
      conversations: h.conversations,
      firms,
      llm: undefined,
      sla: { claimMinutes: 60, autoCloseHours: 72, supervisorChannel: undefined },
    });
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl });
    worker = new OutboxWorker({
      repo: new OutboxRepo(h.db),
      senders: {
        'telegram.send': telegramSender(new Api(telegram.token, { apiRoot: telegram.apiRoot })),
        ...slackSenders(client, repo, firms),
      },
      log: createLogger('silent'),
      onSent: rememberSent(repo),
    });
  });
  afterAll(async () => {
    await slack?.close();
    await telegram?.close();
    await h?.close();
  });

  it('offers a Kazakh buyer’s dispute to the Almaty firm, with the exporter’s words in the summary', async () => {
    const bot = testBot(h, telegram, { tickets });
    // The assistant's answer may be about Russia's rules; the exporter names Kazakhstan.
    const question = 'Покупатель из Казахстана не платит за станки уже три месяца, что делать по договору поставки?';
    await bot.handleUpdate(textUpdate(question, { userId: 77 }) as never);
    const answer = telegram.calls.filter((c) => c.method === 'sendMessage').at(-1)!;
    const lawyer = (answer.payload.reply_markup.inline_keyboard as Array<Array<{ callback_data: string }>>)
      .flat()
      .find((b) => b.callback_data.startsWith('law:'))!;
    await bot.handleUpdate(callbackUpdate(lawyer.callback_data, { userId: 77 }) as never);
    const preview = telegram.calls.filter((c) => c.method === 'sendMessage').at(-1)!;
    expect(preview.payload.text).toContain('Страна: KZ');
    const send = (preview.payload.reply_markup.inline_keyboard as Array<Array<{ callback_data: string }>>)
      .flat()
      .find((b) => b.callback_data.startsWith('esc:y:'))!;
    await bot.handleUpdate(callbackUpdate(send.callback_data, { userId: 77 }) as never);
    await worker.runOnce();
    const offers = slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(offers.map((c) => c.args.channel)).toEqual(['#legal-example-c']);
    const ticketId = Number(send.callback_data.split(':')[2]);
    const ticket = (await tickets.repo.get(ticketId))!;
    expect(ticket).toMatchObject({
      jurisdiction: 'KZ',
      country: 'KZ',
      firmId: 'example-firm-almaty',
      slackChannel: 'CLEGALEXAMPLEC',
    });
    expect(ticket.summary).toContain('Покупатель из Казахстана');
    // The summary is cut at word ends, never mid-word.
    for (const line of ticket.summary.split('\n')) expect(line).toMatch(/(…|[^\p{L}]|\p{L})$/u);
  });
});
