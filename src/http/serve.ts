// `advisor serve` / `npm start`: bring the knowledge up to date, then serve HTTP on PORT. The
// Telegram and Slack modules (grammY, Bolt and theirs: ~60 MB and a second of loading) are imported
// only when their tokens are set.
import type { Server } from 'node:http';
import type { TelegramRunning } from '../bots/telegram/telegram-runtime.js';
import type { SlackRunning } from '../bots/slack/slack-app.js';
import { addWebConsole } from '../bots/web/web-console.js';
import { addStaffConsole } from '../bots/staff/staff-console.js';
import { DocumentEdits } from '../rag/document-edits.js';
import { DocumentReviews } from '../store/document-reviews.js';
import { join } from 'node:path';
import type { Logger } from '../observability/logger.js';
import type { Runtime } from '../main.js';
import { addHealthRoutes } from './health-routes.js';
import type { OutboxWorker } from '../jobs/outbox-worker.js';
import { closeServer, createHttpServer, listen, Router } from '../http-kit/http-server.js';

export interface Serving {
  url: string;
  /** The address the server listens on (PUBLIC_URL may differ). */
  localUrl: string;
  telegram: 'polling' | 'webhook' | undefined;
  slack: 'http' | 'socket' | undefined;
  server: Server;
  close(): Promise<void>;
}

export async function serve(rt: Runtime, log: Logger): Promise<Serving> {
  let ready = false;
  const router = new Router();
  addHealthRoutes(router, { db: rt.db, kb: rt.kb, ready: () => ready });
  addWebConsole(router, {
    assistant: rt.assistant,
    answers: rt.answers,
    routes: rt.routes,
    maxQuestionChars: rt.config.limits.maxQuestionChars,
  });
  // The staff console (/staff): its links name this server, known once it listens (PORT=0 in tests).
  let listening: string | undefined;
  const consoleUrl = () => rt.config.http.publicUrl ?? listening;
  addStaffConsole(router, {
    db: rt.db,
    tickets: rt.tickets,
    edits: new DocumentEdits({
      knowledgeDir: rt.config.knowledgeDir,
      versionsDir: join(rt.config.dataDir, 'document-versions'),
      reviews: new DocumentReviews(rt.db),
      ingest: () => rt.ingest(),
    }),
    claimMinutes: rt.config.tickets.claimSlaMinutes,
    publicUrl: rt.config.http.publicUrl,
  });
  rt.metrics.gauge('advisor_outbox_depth', 'Notifications not yet sent', async () => [
    { value: await rt.outbox.depth() },
  ]);
  rt.metrics.gauge(
    'advisor_ticket_oldest_age_seconds',
    'Age of the oldest open ticket by status',
    async () => {
      const r = await rt.db.query<{ status: string; age: string }>(
        "SELECT status, EXTRACT(EPOCH FROM (now() - min(created_at)))::bigint AS age FROM tickets WHERE status IN ('new','offered','claimed','answered') GROUP BY status",
      );
      return r.rows.map((x) => ({ labels: { status: x.status }, value: Number(x.age) }));
    },
    ['status'],
  );
  router.on('GET', '/metrics', async ({ res }) => {
    res.writeHead(200, { 'content-type': rt.metrics.contentType() });
    res.end(await rt.metrics.render());
  });

  const tgc = rt.config.telegram;
  // Tickets are offered to the legal team in Slack: without Slack there is no one to take them.
  const tickets = rt.config.slack.botToken ? rt.tickets : undefined;
  const telegramRuntime = tgc.token ? await import('../bots/telegram/telegram-runtime.js') : undefined;
  const bot = tgc.token
    ? (await import('../bots/telegram/telegram-bot.js')).createTelegramBot({
        token: tgc.token,
        apiRoot: tgc.apiRoot,
        assistant: rt.assistant,
        answers: rt.answers,
        conversations: rt.conversations,
        ledger: rt.ledger,
        log: log.child({ channel: 'telegram' }),
        credit: rt.credit,
        routes: rt.routes,
        ...(tickets ? { tickets } : {}),
        watch: rt.watch.repo,
      })
    : undefined;
  if (bot && tgc.webhookUrl && tgc.webhookSecret)
    (await import('../bots/telegram/telegram-webhook.js')).addTelegramWebhookRoute(router, bot, tgc.webhookSecret);

  const slack: SlackRunning | undefined = rt.config.slack.botToken
    ? await (
        await import('../bots/slack/slack-app.js')
      ).createSlackApp({
        config: rt.config.slack,
        assistant: rt.assistant,
        answers: rt.answers,
        ledger: rt.ledger,
        db: rt.db,
        log: log.child({ channel: 'slack' }),
        credit: rt.credit,
        routes: rt.routes,
        ...(tickets ? { tickets } : {}),
        consoleUrl,
        watch: rt.watch.repo,
      })
    : undefined;
  const slackListener = slack?.listener;
  // The body is read bounded and the timestamp checked here; Bolt's receiver verifies the signature
  // (401 otherwise), acknowledges and dispatches.
  if (slackListener)
    router.on(
      'POST',
      '/slack/events',
      (await import('../bots/slack/slack-http-guard.js')).guardedSlackRoute(slackListener),
    );

  const summary = await rt.ingest();
  log.info(
    {
      added: summary.added.length,
      changed: summary.changed.length,
      removed: summary.removed.length,
      unchanged: summary.unchanged,
      failed: summary.failed.length,
    },
    'knowledge up to date',
  );
  for (const f of summary.failed)
    log.warn({ path: f.path, error: f.error }, 'document not ingested; its previous version is kept');
  ready = true;

  const server = createHttpServer(router, log, rt.metrics, {
    requestTimeoutMs: rt.config.http.requestTimeoutMs,
    headersTimeoutMs: Math.min(10_000, rt.config.http.requestTimeoutMs),
  });
  const { url } = await listen(server, rt.config.http.port, rt.config.http.host);
  listening = url;
  let telegram: TelegramRunning | undefined;
  let worker: OutboxWorker | undefined;
  try {
    if (bot && telegramRuntime) telegram = await telegramRuntime.startTelegram(bot, rt.config, log);
    await slack?.start();
    if (bot || slack) {
      // The outbox sends to Slack through its own client, which retries nothing itself (decision 019).
      const { startOutboxWorker } = await import('../jobs/start-worker.js');
      // Its own throttled Bot API client (a digest fan-out stays within Telegram's limits), not the bot's.
      worker = startOutboxWorker(rt, log);
    }
  } catch (err) {
    await closeServer(server);
    throw err;
  }
  return {
    url: rt.config.http.publicUrl ?? url,
    localUrl: url,
    server,
    telegram: telegram?.mode,
    slack: slack?.mode,
    // Graceful: stop taking updates, finish the answers in progress, then close the server.
    close: async () => {
      await telegram?.stop();
      await slack?.stop();
      await worker?.stop();
      await closeServer(server);
    },
  };
}
