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
import { watchTicker } from './watch-jobs.js';

/**
 * The outbox owns every retry of a Slack call (backoff, lease, the metadata look-up before a second
 * post): its client retries nothing itself, since a post whose answer was lost may have gone
 * through and only the sender can check. A 429 comes back at once with its delay.
 */
export function outboxSlackClient(token: string, apiUrl: string | undefined): InstanceType<typeof webApi.WebClient> {
  return new webApi.WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
}

/** Telegram as the outbox sends to it: 429 retried by auto-retry up to its limit, throttled. */
export function outboxTelegramApi(token: string, apiRoot: string, log: Logger): Api {
  return telegramApiPolicies(new Api(token, { apiRoot }), log, { throttle: true });
}

export function startOutboxWorker(
  rt: Runtime,
  log: Logger,
  clients: { telegram?: Api | undefined } = {},
): OutboxWorker | undefined {
  const c = rt.config;
  const telegram =
    clients.telegram ?? (c.telegram.token ? outboxTelegramApi(c.telegram.token, c.telegram.apiRoot, log) : undefined);
  const slack = c.slack.botToken ? outboxSlackClient(c.slack.botToken, c.slack.apiUrl) : undefined;
  if (!telegram && !slack) return undefined;
  const senders: Partial<Record<OutboxKind, Sender>> = {
    ...(telegram ? { 'telegram.send': telegramSender(telegram) } : {}),
    ...(slack ? slackSenders(slack, rt.tickets.repo, rt.tickets.firms) : {}),
  };
  // Tickets are only offered where a legal team can take them (Slack); so are SLA timers.
  const tickets = c.slack.botToken ? rt.tickets : undefined;
  const watch = watchTicker(rt.watch, log.child({ job: 'watch' }));
  const worker = new OutboxWorker({
    repo: rt.outbox,
    senders,
    log: log.child({ job: 'outbox' }),
    onSent: rememberSent(rt.tickets.repo),
    leaseMs: c.tickets.outboxLeaseMs,
    onTick: async (now: Date) => {
      await tickets?.slaSweep(now);
      await watch(now);
    },
  });
  worker.start(c.tickets.outboxIntervalMs);
  return worker;
}
