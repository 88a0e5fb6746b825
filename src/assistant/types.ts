// What a turn takes in and what it emits while it runs.
import type { Lang } from '../domain/lang.js';
import type { AskResult, ToolCallRecord } from '../domain/answer.js';

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
