// The Slack app (@slack/bolt): mentions, direct messages, /advisor, buttons and App Home. A thin
// adapter over the assistant. HTTP mode mounts Bolt's own verifying receiver on our server at
// POST /slack/events; Socket Mode (SLACK_APP_TOKEN) needs no public URL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel, webApi } from '@slack/bolt';
import type { Assistant } from '../../assistant/assistant.js';
import type { Config } from '../../config.js';
import { detectLang } from '../../i18n/detect-lang.js';
import { slackText } from '../../i18n/slack-texts.js';
import type { Logger } from '../../observability/logger.js';
import type { Lang } from '../../domain/lang.js';
import type { AnswerRepo, UpdateLedger } from '../../store/answer-repo.js';
import type { Db } from '../../store/db.js';
import { RateLimiter } from '../rate-limiter.js';
import { SlackAccess } from './slack-access.js';
import { answerInSlack } from './slack-answer.js';
import { homeView } from './slack-home.js';
import { boltLogger } from './bolt-logger.js';
import { dropMalformedPayloads } from './slack-payload-guard.js';
import { ackUnhandled } from './ack-unhandled.js';
import { onceBySlackId } from './slack-dedupe.js';
import { idValue } from './action-value.js';
import { registerTicketHandlers } from './slack-tickets.js';
import { ticketList } from '../../tickets/ticket-list.js';
import type { TicketService } from '../../tickets/ticket-service.js';
import type { CreditService } from '../../tools/credit/credit-service.js';
import { registerSlackCredit, slackCredit } from './slack-credit.js';
import { slackRoute } from './slack-route.js';
import type { RouteService } from '../../tools/routes/route-service.js';
import { answerInChannel } from './answer-in-channel.js';
import type { WatchRepo } from '../../store/watch-repo.js';
import { slackWatch } from './slack-watch.js';

const { WebClient } = webApi;

export interface SlackDeps {
  config: Config['slack'];
  assistant: Assistant;
  answers: AnswerRepo;
  ledger: UpdateLedger;
  db: Db;
  log: Logger;
  updateIntervalMs?: number;
  credit?: CreditService;
  routes?: RouteService | undefined;
  /** Legal escalation; absent → the escalation button says it is not connected. */
  tickets?: TicketService;
  /** The staff console's address for `/advisor console` links (PUBLIC_URL or the server's); absent → no console. */
  consoleUrl?: () => string | undefined;
  /** Regulation watch subscriptions (`/advisor watch`). */
  watch?: WatchRepo;
  /** Known bot identity (skips auth.test, e.g. in wiring tests). */
  identity?: { botUserId: string; botId: string };
}

export interface SlackRunning {
  mode: 'http' | 'socket';
  app: InstanceType<typeof App>;
  /** HTTP mode: the handler for POST /slack/events. */
  listener?: (req: IncomingMessage, res: ServerResponse) => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createSlackApp(deps: SlackDeps): Promise<SlackRunning> {
  const c = deps.config;
  if (!c.botToken) throw new Error('SLACK_BOT_TOKEN is not set');
  const clientOptions = {
    ...(c.apiUrl ? { slackApiUrl: c.apiUrl } : {}),
    retryConfig: { retries: 3, factor: 1.5, minTimeout: 200, maxTimeout: 5000 },
  };
  const identity = deps.identity ?? (await whoAmI(c.botToken, clientOptions));
  const logger = boltLogger(deps.log);
  const common = {
    token: c.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    tokenVerificationEnabled: false,
    clientOptions,
    logger,
    logLevel: LogLevel.WARN,
  };
  let running: SlackRunning;
  if (c.appToken) {
    const app = new App({ ...common, appToken: c.appToken, socketMode: true });
    running = {
      mode: 'socket',
      app,
      start: async () => void (await app.start()),
      stop: async () => void (await app.stop()),
    };
  } else {
    if (!c.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
    const receiver = new HTTPReceiver({
      signingSecret: c.signingSecret,
      endpoints: '/slack/events',
      processBeforeResponse: false,
      logger,
      logLevel: LogLevel.WARN,
      // Errors reach here only before a payload is dispatched (listener errors go to app.error):
      // Bolt could not read a signed payload's envelope (`"user": null` in an event). A bad
      // request, not a server error.
      processEventErrorHandler: async ({ error, response }) => {
        deps.log.warn(
          { error: String((error as Error)?.message ?? error) },
          'slack payload refused: unreadable envelope',
        );
        if (!response.headersSent) response.writeHead(400).end();
        return true; // answered: Bolt stops waiting for an acknowledgement
      },
    });
    const app = new App({ ...common, receiver });
    running = {
      mode: 'http',
      app,
      listener: receiver.requestListener,
      start: async () => undefined,
      stop: async () => undefined,
    };
  }
  const inflight = register(running.app, deps);
  const stopReceiver = running.stop;
  // Graceful: answers already acknowledged to Slack are finished before the process goes.
  running.stop = async () => {
    await stopReceiver();
    await Promise.allSettled([...inflight]);
  };
  return running;
}

async function whoAmI(token: string, options: ConstructorParameters<typeof webApi.WebClient>[1]) {
  const res = await new WebClient(token, options).auth.test();
  return { botUserId: String(res.user_id), botId: String(res.bot_id ?? '') };
}

function register(app: InstanceType<typeof App>, deps: SlackDeps): Set<Promise<void>> {
  const inflight = new Set<Promise<void>>();
  const access = new SlackAccess(app.client, deps.config.staff, deps.config.legal);
  if (access.open)
    deps.log.warn('no Slack staff list or user group configured: every workspace member may use the app');
  const limiter = new RateLimiter({ perMinute: 10, burst: 5 });
  const answerDeps = { assistant: deps.assistant, updateIntervalMs: deps.updateIntervalMs ?? 1500 };
  const uiLang = async (userId: string, text = ''): Promise<Lang> =>
    detectLang(text)?.lang ?? (await deps.answers.getLang('slack', userId)) ?? 'en';

  // Before anything reads a field: a payload with the wrong shapes is acknowledged and dropped.
  app.use(dropMalformedPayloads(deps.log));
  const registered = ackUnhandled(app, deps.log);
  // Slack redelivers when it did not see an answer in time (X-Slack-Retry-Num): handled once.
  app.use(onceBySlackId(deps.ledger));

  const ask = async (
    client: InstanceType<typeof App>['client'],
    q: { channel: string; threadTs: string | undefined; userId: string; text: string; conversationId: string },
  ) => {
    const lang = await uiLang(q.userId, q.text);
    if (!(await access.isStaff(q.userId))) {
      await client.chat.postEphemeral({ channel: q.channel, user: q.userId, text: slackText(lang, 'notAllowed') });
      return;
    }
    if (!limiter.take(q.userId)) return;
    const work = answerInSlack(answerDeps, { client, uiLang: lang, ...q });
    inflight.add(work);
    try {
      await work;
    } finally {
      inflight.delete(work);
    }
  };

  app.event('app_mention', async ({ event, client }) => {
    const threadTs = event.thread_ts ?? event.ts;
    const text = event.text.replace(/<@[A-Z0-9]+>/g, ' ').trim();
    await ask(client, {
      channel: event.channel,
      threadTs,
      userId: event.user ?? '',
      text,
      conversationId: `slack:${event.channel}:${threadTs}`,
    });
  });

  app.message(async ({ message, client }) => {
    const m = message as {
      channel_type?: string;
      subtype?: string;
      bot_id?: string;
      user?: string;
      text?: string;
      channel: string;
      ts: string;
      thread_ts?: string;
    };
    if (m.channel_type !== 'im' || m.subtype || m.bot_id || !m.user || !m.text) return;
    await ask(client, {
      channel: m.channel,
      threadTs: m.thread_ts,
      userId: m.user,
      text: m.text,
      conversationId: `slack:${m.channel}:${m.thread_ts ?? 'dm'}`,
    });
  });

  app.command('/advisor', async ({ command, ack, respond, client }) => {
    const [sub = 'help', ...rest] = command.text.trim().split(/\s+/);
    const text = rest.join(' ');
    const lang = await uiLang(command.user_id, text);
    if (!(await access.isStaff(command.user_id)))
      return void (await ack({ response_type: 'ephemeral', text: slackText(lang, 'notAllowed') }));
    // Acknowledged at once (Slack waits 3 s); the work happens afterwards.
    await ack({
      response_type: 'ephemeral',
      text: sub.toLowerCase() === 'ask' && text ? slackText(lang, 'working') : undefined,
    } as never);
    switch (sub.toLowerCase()) {
      case 'ask':
        if (!text) return void (await respond({ response_type: 'ephemeral', text: slackText(lang, 'usage') }));
        return void (await ask(client, {
          channel: command.channel_id,
          threadTs: undefined,
          userId: command.user_id,
          text,
          conversationId: `slack:${command.channel_id}:cmd:${command.trigger_id}`,
        }));
      case 'credit':
        if (!deps.credit)
          return void (await respond({ response_type: 'ephemeral', text: slackText(lang, 'toolSoon') }));
        return void (await respond({
          response_type: 'ephemeral',
          ...(await slackCredit(deps.credit, text, command.user_id, lang)),
        } as never));
      case 'route':
        if (!deps.routes)
          return void (await respond({ response_type: 'ephemeral', text: slackText(lang, 'toolSoon') }));
        return void (await slackRoute(deps.routes, client, command.channel_id, text, lang, respond));
      case 'tickets': {
        if (!(await access.isLegal(command.user_id)))
          return void (await respond({ response_type: 'ephemeral', text: slackText(lang, 'legalOnly') }));
        const text = deps.tickets
          ? ticketList(await deps.tickets.repo.open(), deps.tickets.now(), (id) => `<@${id}>`)
          : slackText(lang, 'noTickets');
        return void (await respond({ response_type: 'ephemeral', text }));
      }
      case 'console': {
        const baseUrl = deps.consoleUrl?.();
        if (!baseUrl) return void (await respond({ response_type: 'ephemeral', text: slackText(lang, 'toolSoon') }));
        const { consoleLinkText } = await import('./slack-console.js');
        const { StaffAuthRepo } = await import('../../store/staff-auth-repo.js');
        const text = await consoleLinkText(new StaffAuthRepo(deps.db), access, {
          userId: command.user_id,
          baseUrl,
          lang,
        });
        return void (await respond({ response_type: 'ephemeral', text }));
      }
      case 'watch':
        if (!deps.watch) return void (await respond({ response_type: 'ephemeral', text: slackText(lang, 'toolSoon') }));
        return void (await respond({
          response_type: 'ephemeral',
          text: await slackWatch(deps.watch, text, { channel: command.channel_id, userId: command.user_id, lang }),
        }));
      default:
        return void (await respond({ response_type: 'ephemeral', text: slackText(lang, 'usage') }));
    }
  });

  for (const [actionId, rating] of [
    ['feedback_up', 1],
    ['feedback_down', -1],
  ] as const) {
    app.action(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const b = body as { user: { id: string }; channel?: { id: string } };
      const id = idValue(action);
      const answer = answerInChannel(id === undefined ? undefined : await deps.answers.get(id), b.channel?.id);
      const lang = answer?.lang ?? (await uiLang(b.user.id));
      if (answer) await deps.answers.feedback(answer.id, 'slack', b.user.id, rating);
      if (b.channel)
        await client.chat.postEphemeral({
          channel: b.channel.id,
          user: b.user.id,
          text: slackText(lang, answer ? 'thanks' : 'expired'),
        });
    });
  }

  if (deps.tickets)
    registerTicketHandlers(app, { tickets: deps.tickets, access, answers: deps.answers, log: deps.log });
  else {
    app.action('escalate_legal', async ({ ack, body, client }) => {
      await ack();
      const b = body as { user: { id: string }; channel?: { id: string } };
      if (b.channel)
        await client.chat.postEphemeral({
          channel: b.channel.id,
          user: b.user.id,
          text: slackText(await uiLang(b.user.id), 'escalateSoon'),
        });
    });
  }

  if (deps.credit) registerSlackCredit(app, deps.credit);

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const view = await homeView(deps.db, event.user, await access.isLegal(event.user));
    await client.views.publish({ user_id: event.user, view: view as never });
  });

  registered();

  app.error(async (err) => {
    deps.log.error(
      { error: `${err.name}: ${err.message}`, code: (err as { code?: string }).code },
      'slack handler failed',
    );
  });
  return inflight;
}
