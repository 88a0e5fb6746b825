// Wires everything from config. The only place that opens the database and creates clients.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Assistant } from './assistant/assistant.js';
import { legalEscalationTool } from './assistant/legal-escalation-tool.js';
import { ToolRegistry } from './assistant/tools.js';
import type { ChatModel } from './llm/chat-model.js';
import { OpenAiChat } from './llm/openai-chat.js';
import type { Config } from './config.js';
import type { Logger } from './observability/logger.js';
import type { Embedder } from './rag/embedder.js';
import { HashingEmbedder } from './rag/hashing-embedder.js';
import { ingestKnowledge, type IngestProgress, type IngestSummary } from './rag/ingest.js';
import { KnowledgeBase } from './rag/knowledge-base.js';
import { OpenAiEmbedder } from './rag/openai-embedder.js';
import type { Db } from './store/db.js';
import { AnswerRepo, UpdateLedger } from './store/answer-repo.js';
import { ConversationRepo } from './store/conversation-repo.js';
import { KnowledgeRepo } from './store/knowledge-repo.js';
import { openDb } from './store/open-db.js';
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
import { findPlaces } from './tools/routes/find-places.js';

export interface Runtime {
  config: Config;
  db: Db;
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
  log: Logger;
  metrics: Metrics;
  ingest(onProgress?: (p: IngestProgress) => void): Promise<IngestSummary>;
  close(): Promise<void>;
}

export function createEmbedder(config: Config): Embedder {
  const e = config.embeddings;
  if (e.provider === 'hashing') return new HashingEmbedder(e.dimensions);
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

export function createChatModel(config: Config): ChatModel | undefined {
  const l = config.llm;
  if (l.provider === 'none') return undefined;
  return new OpenAiChat({ baseUrl: l.baseUrl, apiKey: l.apiKey, model: l.model, timeoutMs: l.timeoutMs });
}

export async function createRuntime(config: Config, log: Logger): Promise<Runtime> {
  const db = await openDb({ databaseUrl: config.database.url, dataDir: config.dataDir });
  log.debug({ engine: db.engine }, 'database ready');
  const repo = new KnowledgeRepo(db);
  const embedder = createEmbedder(config);
  const indexDir = join(config.dataDir, 'index');
  let kb: KnowledgeBase;
  let unlisten: (() => Promise<void>) | undefined;
  let closing = false;
  let reloading: Promise<void> | undefined;
  const instanceId = randomUUID();
  try {
    const pgvector = config.vectorStore === 'pgvector' ? await openPgVector(db, embedder) : undefined;
    kb = await KnowledgeBase.open({ repo, embedder, indexDir, ...(pgvector ? { pgvector } : {}) });
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
  if (stats.vectorIndexNote) log.warn({ note: stats.vectorIndexNote }, 'vector index rebuilt from the database');
  const llm = createChatModel(config);
  const credit = await createCreditService(config.credit, db);
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
  const places = routes
    ? (text: string) => findPlaces(routes.network, text).map((m) => ({ id: m.node.id, at: m.at, text: m.text }))
    : undefined;
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
    firms: loadLawFirmDirectory(ticketConfig.lawFirmsFile),
    llm,
    sla: {
      claimMinutes: ticketConfig.claimSlaMinutes,
      autoCloseHours: ticketConfig.autoCloseHours,
      supervisorChannel: ticketConfig.supervisorChannel,
    },
  });
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
    log,
    async ingest(onProgress) {
      const summary = await ingestKnowledge({
        root: config.knowledgeDir,
        repo,
        embedder,
        ...(onProgress ? { onProgress } : {}),
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
      }
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
