// The outbox worker (and SLA timers) for a runtime: inside `serve`, or alone as `advisor worker`
// (the worker service of docker-compose.yml). Any number may run: rows are leased.
import { Api } from 'grammy';
import { webApi } from '@slack/bolt';
import type { Logger } from '../observability/logger.js';
import type { Runtime } from '../main.js';
import { slackSenders } from '../bots/slack/slack-outbox-senders.js';
import { telegramApiPolicies } from '../bots/telegram/telegram-api-policies.js';
import { telegramSender } from '../bots/telegram/telegram-outbox-sender.js';
import type { OutboxKind, Sender } from '../store/outbox.js';
import { rememberSent } from '../tickets/remember-sent.js';
import { OutboxWorker } from './outbox-worker.js';

export function startOutboxWorker(
  rt: Runtime,
  log: Logger,
  clients: { telegram?: Api | undefined; slack?: InstanceType<typeof webApi.WebClient> | undefined } = {},
): OutboxWorker | undefined {
  const c = rt.config;
  const telegram =
    clients.telegram ??
    (c.telegram.token
      ? telegramApiPolicies(new Api(c.telegram.token, { apiRoot: c.telegram.apiRoot }), log, { throttle: true })
      : undefined);
  const slack =
    clients.slack ??
    (c.slack.botToken
      ? new webApi.WebClient(c.slack.botToken, c.slack.apiUrl ? { slackApiUrl: c.slack.apiUrl } : {})
      : undefined);
  if (!telegram && !slack) return undefined;
  const senders: Partial<Record<OutboxKind, Sender>> = {
    ...(telegram ? { 'telegram.send': telegramSender(telegram) } : {}),
    ...(slack ? slackSenders(slack, rt.tickets.repo, rt.tickets.firms) : {}),
  };
  // Tickets are only offered where a legal team can take them (Slack); so are SLA timers.
  const tickets = c.slack.botToken ? rt.tickets : undefined;
  const worker = new OutboxWorker({
    repo: rt.outbox,
    senders,
    log: log.child({ job: 'outbox' }),
    onSent: rememberSent(rt.tickets.repo),
    leaseMs: c.tickets.outboxLeaseMs,
    ...(tickets ? { onTick: (now: Date) => tickets.slaSweep(now) } : {}),
  });
  worker.start(c.tickets.outboxIntervalMs);
  return worker;
}
