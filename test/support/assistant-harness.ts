// An Assistant over a fixture knowledge base in PGlite, talking to the fake OpenAI server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Assistant } from '../../src/assistant/assistant.js';
import { legalEscalationTool } from '../../src/assistant/legal-escalation-tool.js';
import { ToolRegistry } from '../../src/assistant/tools.js';
import type { AskResult } from '../../src/domain/answer.js';
import type { AssistantEvent, Turn } from '../../src/assistant/types.js';
import { OpenAiChat } from '../../src/llm/openai-chat.js';
import { createLogger } from '../../src/observability/logger.js';
import { HashingEmbedder } from '../../src/rag/hashing-embedder.js';
import { ingestKnowledge } from '../../src/rag/ingest.js';
import { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import type { PlaceRef } from '../../src/assistant/place-ref.js';
import { ConversationRepo } from '../../src/store/conversation-repo.js';
import type { Db } from '../../src/store/db.js';
import { KnowledgeRepo } from '../../src/store/knowledge-repo.js';
import { openDb } from '../../src/store/open-db.js';
import { makeKnowledgeDir } from './knowledge-fixture.js';

export interface Harness {
  db: Db;
  kb: KnowledgeBase;
  conversations: ConversationRepo;
  assistant(opts?: {
    llmUrl?: string;
    timeoutMs?: number;
    tools?: ToolRegistry;
    places?: (text: string) => PlaceRef[];
  }): Assistant;
  close(): Promise<void>;
}

export async function startHarness(extraDocs: Record<string, string> = {}, root?: string): Promise<Harness> {
  const knowledge = root ? undefined : await makeKnowledgeDir({ binaries: false });
  const dir = root ?? knowledge!.path;
  for (const [path, text] of Object.entries(extraDocs)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const db = await openDb({ databaseUrl: undefined, dataDir: undefined });
  const repo = new KnowledgeRepo(db);
  const embedder = new HashingEmbedder(64);
  const s = await ingestKnowledge({ root: dir, repo, embedder });
  if (s.failed.length) throw new Error(JSON.stringify(s.failed));
  const kb = await KnowledgeBase.open({ repo, embedder });
  const conversations = new ConversationRepo(db);
  const log = createLogger('silent');
  return {
    db,
    kb,
    conversations,
    assistant: (opts = {}) =>
      new Assistant({
        kb,
        llm: opts.llmUrl
          ? new OpenAiChat({
              baseUrl: opts.llmUrl,
              model: 'fake-model',
              timeoutMs: opts.timeoutMs ?? 5000,
              maxRetries: 0,
            })
          : undefined,
        tools: opts.tools ?? new ToolRegistry().register(legalEscalationTool),
        conversations,
        limits: { maxQuestionChars: 4000 },
        log,
        today: () => '2026-11-25',
        ...(opts.places ? { places: opts.places } : {}),
      }),
    close: async () => {
      await db.close();
      knowledge?.remove();
    },
  };
}

export async function collect(
  assistant: Assistant,
  turn: Omit<Turn, 'channel'> & { channel?: Turn['channel'] },
): Promise<{ events: AssistantEvent[]; result: AskResult; streamed: string }> {
  const events: AssistantEvent[] = [];
  for await (const ev of assistant.handleTurn({ channel: 'cli', ...turn })) events.push(ev);
  const done = events.find((e) => e.type === 'done');
  if (!done || done.type !== 'done') throw new Error(`no done event: ${JSON.stringify(events)}`);
  const streamed = events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
  return { events, result: done.result, streamed };
}
