// Wires everything from config. The only place that opens the database and creates clients. The
// database opens on first use, and the knowledge loads from its saved snapshot when it can, so a
// command that needs neither (an `ask` answered from the snapshot) starts in a fraction of a second.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Assistant } from './assistant/assistant.js';
import { legalEscalationTool } from './assistant/legal-escalation-tool.js';
import { ToolRegistry } from './assistant/tools.js';
import type { ChatModel } from './llm/chat-model.js';
import type { Config } from './config.js';
import type { Logger } from './observability/logger.js';
import type { Embedder } from './rag/embedder.js';
import { HashingEmbedder } from './rag/hashing-embedder.js';
import { ingestKnowledge, type IngestProgress, type IngestSummary } from './rag/ingest.js';
import { KnowledgeBase } from './rag/knowledge-base.js';
import type { Db } from './store/db.js';
import { AnswerRepo, UpdateLedger } from './store/answer-repo.js';
import { ConversationRepo } from './store/conversation-repo.js';
import { KnowledgeRepo } from './store/knowledge-repo.js';
import { openDbLazily } from './store/open-db.js';
import type { LazyDb } from './store/lazy-db.js';
import { PgVectorStore } from './store/pgvector-store.js';
import { Metrics } from './observability/metrics.js';
import { OutboxRepo } from './store/outbox.js';
import { loadLawFirmDirectory } from './tickets/law-firm-directory.js';
import { TicketRepo } from './tickets/ticket-repo.js';
import { TicketService } from './tickets/ticket-service.js';
import { createCreditService } from './tools/credit/create-credit-service.js';
import { creditTool } from './tools/credit/credit-tool.js';
import type { CreditService } from './tools/credit/credit-service.js';
import { existsSync } from 'node:fs';
import { RouteService } from './tools/routes/route-service.js';
import { routesTool } from './tools/routes/routes-tool.js';
import { placeRefs } from './tools/routes/find-places.js';
import { ChangeLog } from './store/change-log.js';
import { WatchRepo } from './store/watch-repo.js';
import { WatchService } from './watch/watch-service.js';

export interface Runtime {
  config: Config;
  db: LazyDb;
  repo: KnowledgeRepo;
  embedder: Embedder;
  kb: KnowledgeBase;
  llm: ChatModel | undefined;
  tools: ToolRegistry;
  conversations: ConversationRepo;
  answers: AnswerRepo;
  ledger: UpdateLedger;
  assistant: Assistant;
  tickets: TicketService;
  credit: CreditService;
  /** Absent when there is no network file. */
  routes: RouteService | undefined;
  outbox: OutboxRepo;
  /** The regulation watch: subscriptions, the change log and the digests after each ingest. */
  watch: WatchService;
  changes: ChangeLog;
  log: Logger;
  metrics: Metrics;
  ingest(onProgress?: (p: IngestProgress) => void): Promise<IngestSummary>;
  close(): Promise<void>;
}

// The OpenAI SDK (about 150 modules) is loaded only when an endpoint is configured.
export async function createEmbedder(config: Config): Promise<Embedder> {
  const e = config.embeddings;
  if (e.provider === 'hashing') return new HashingEmbedder(e.dimensions);
  const { OpenAiEmbedder } = await import('./rag/openai-embedder.js');
  return new OpenAiEmbedder({ baseUrl: e.baseUrl, model: e.model, apiKey: e.apiKey, dimensions: e.dimensions });
}

const KNOWLEDGE_CHANNEL = 'knowledge_changed';

async function openPgVector(db: Db, embedder: Embedder): Promise<PgVectorStore> {
  if (db.engine !== 'postgres')
    throw new Error('VECTOR_STORE=pgvector needs DATABASE_URL (a PostgreSQL server with the vector extension)');
  const [probe] = await embedder.embed(['dimension probe']);
  const store = new PgVectorStore(db, probe!.length, embedder.id);
  await store.setup();
  return store;
}

export async function createChatModel(config: Config): Promise<ChatModel | undefined> {
  const l = config.llm;
  if (l.provider === 'none') return undefined;
  const { OpenAiChat } = await import('./llm/openai-chat.js');
  return new OpenAiChat({ baseUrl: l.baseUrl, apiKey: l.apiKey, model: l.model, timeoutMs: l.timeoutMs });
}

export interface RuntimeOptions {
  /** Start opening the database at once, beside loading the knowledge (serve, worker). */
  openDbNow?: boolean;
  /** A database handle made earlier (the CLI starts opening it before loading this module). */
  db?: LazyDb;
}

export async function createRuntime(config: Config, log: Logger, opts: RuntimeOptions = {}): Promise<Runtime> {
  const db = opts.db ?? openDbLazily({ databaseUrl: config.database.url, dataDir: config.dataDir });
  // Opened in the background; its failure surfaces at the first statement that needs it.
  if (opts.openDbNow) db.query('SELECT 1').catch(() => undefined);
  const repo = new KnowledgeRepo(db);
  const embedder = await createEmbedder(config);
  const indexDir = join(config.dataDir, 'index');
  let kb: KnowledgeBase;
  let unlisten: (() => Promise<void>) | undefined;
  let closing = false;
  let reloading: Promise<void> | undefined;
  const instanceId = randomUUID();
  try {
    const pgvector = config.vectorStore === 'pgvector' ? await openPgVector(db, embedder) : undefined;
    kb = await KnowledgeBase.open({
      repo,
      embedder,
      indexDir,
      log,
      ...(pgvector ? { pgvector } : {}),
      // The embedded database lives beside the snapshot and changes only through this runtime's
      // ingest, which drops the snapshot first; a server's database may be changed by any replica.
      trustSnapshot: db.engine === 'pglite',
    });
    // Replicas share Postgres: when any of them ingests, the others rebuild their lexical index.
    if (db.listen) {
      const k = kb;
      unlisten = await db.listen(KNOWLEDGE_CHANNEL, (payload) => {
        // Our own ingest already reloaded; a closing runtime reloads nothing.
        if (closing || payload.startsWith(`${instanceId}:`)) return;
        reloading = k
          .reload()
          .catch((err: unknown) =>
            log.warn({ error: String((err as Error)?.message ?? err) }, 'reload after change failed'),
          );
      });
    }
  } catch (err) {
    await db.close();
    throw err;
  }
  const stats = kb.stats();
  log.debug({ source: stats.source, ms: Math.round(performance.now()) }, 'knowledge loaded');
  if (stats.vectorIndexNote) log.warn({ note: stats.vectorIndexNote }, 'vector index rebuilt from the database');
  const llm = await createChatModel(config);
  const credit = createCreditService(config.credit, db);
  const routeConfig = config.routes;
  const routes = existsSync(routeConfig.networkFile)
    ? new RouteService({
        networkFile: routeConfig.networkFile,
        httpUrl: routeConfig.httpUrl,
        httpApiKey: routeConfig.httpApiKey,
      })
    : undefined;
  if (!routes) log.warn({ file: routeConfig.networkFile }, 'no route network file: route planning is off');
  // Tools are defined once in zod; escalation only proposes.
  const tools = new ToolRegistry().register(legalEscalationTool).register(creditTool(credit));
  if (routes) tools.register(routesTool(routes));
  const conversations = new ConversationRepo(db);
  const metrics = new Metrics();
  const places = routes ? (text: string) => placeRefs(routes.network, text) : undefined;
  const assistant = new Assistant({
    kb,
    llm,
    tools,
    conversations,
    limits: config.limits,
    log,
    metrics,
    ...(places ? { places } : {}),
  });
  const ticketConfig = config.tickets;
  const tickets = new TicketService({
    repo: new TicketRepo(db),
    conversations,
    firms: () => loadLawFirmDirectory(ticketConfig.lawFirmsFile),
    llm,
    sla: {
      claimMinutes: ticketConfig.claimSlaMinutes,
      autoCloseHours: ticketConfig.autoCloseHours,
      supervisorChannel: ticketConfig.supervisorChannel,
    },
  });
  const changes = new ChangeLog(db);
  const watch = new WatchService({ db, repo: new WatchRepo(db), changes });
  return {
    config,
    db,
    repo,
    embedder,
    kb,
    llm,
    tools,
    conversations,
    answers: new AnswerRepo(db),
    ledger: new UpdateLedger(db),
    assistant,
    tickets,
    credit,
    routes,
    metrics,
    outbox: new OutboxRepo(db),
    watch,
    changes,
    log,
    async ingest(onProgress) {
      const summary = await ingestKnowledge({
        root: config.knowledgeDir,
        repo,
        embedder,
        ...(onProgress ? { onProgress } : {}),
        beforeChange: () => kb.dropSnapshot(),
      });
      if (
        summary.added.length ||
        summary.changed.length ||
        summary.removed.length ||
        kb.stats().vectorIndex === 'empty'
      ) {
        await kb.reload();
        if (db.engine === 'postgres')
          await db.query('SELECT pg_notify($1, $2)', [KNOWLEDGE_CHANNEL, `${instanceId}:${summary.runId}`]);
      } else if (!(await kb.syncWithStore())) {
        // The database is open anyway: one query confirms the snapshot still describes it.
        log.warn('the saved knowledge index did not match the database; rebuilt it');
      }
      // The digests of this ingest (and of any earlier one a crash left unalerted) go to the outbox.
      const alerted = await watch.alertPending();
      if (alerted.digests) log.info(alerted, 'regulation watch digests queued');
      return summary;
    },
    async close() {
      closing = true;
      await unlisten?.();
      await reloading;
      await db.close();
    },
  };
}
