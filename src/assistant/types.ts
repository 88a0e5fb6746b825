// The answer every channel renders: the JSON of `advisor ask --json` and `POST /api/ask`.
import type { Lang } from '../rag/types.js';

export interface Citation {
  /** The number used in the answer text: [1], [2] … */
  n: number;
  docId: string;
  chunkId: string;
  title: string;
  lang: Lang;
  category: string;
  headingPath: string[];
  excerpt: string;
  source: string | undefined;
  sources: string[];
  asOf: string | undefined;
  reviewBy: string | undefined;
  /** True when today is past the document's review_by date. */
  stale: boolean;
  /** Set when the passage was found in another language version and shown in the asker's. */
  translatedFrom?: string;
  score: number;
}

export interface ToolCallRecord {
  name: string;
  input: unknown;
  output?: unknown;
  error?: string;
}

export interface AskResult {
  answer: string;
  lang: Lang;
  mode: 'retrieval-only' | 'llm';
  citations: Citation[];
  toolCalls: ToolCallRecord[];
  escalation?: { suggested: boolean; reason: string; practiceArea?: string; jurisdiction?: string };
  /** Short notes for the user: the model was unavailable, a figure was removed, … */
  notices: string[];
  conversationId?: string;
  /** The stored answer (feedback and the Sources button refer to it); set for conversation turns. */
  answerId?: number;
}

export type AssistantEvent =
  | { type: 'status'; stage: 'retrieving' | 'generating' | 'tool' }
  | { type: 'text'; delta: string }
  | { type: 'tool_call'; call: ToolCallRecord }
  | { type: 'notice'; message: string }
  | { type: 'done'; result: AskResult }
  | { type: 'error'; reason: 'empty' | 'too-long' | 'no-words'; lang: Lang; message: string };

export interface Turn {
  text: string;
  channel: 'cli' | 'web' | 'telegram' | 'slack';
  /** Chat or thread; absent for one-off questions (no memory). */
  conversationId?: string | undefined;
  userId?: string | undefined;
  /** The user's chosen language; wins over detection. */
  lang?: Lang | undefined;
  /** When neither a choice nor the text tells the language (emoji only): e.g. the client's locale. */
  fallbackLang?: Lang | undefined;
  signal?: AbortSignal | undefined;
}
