// What the assistant needs from a chat model: one streamed completion with optional tools.
// The openai SDK implements it (openai-chat.ts); tests point that at a fake server.

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ChatToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface ChatToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ChatToolSpec {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface ChatRequest {
  messages: ChatMessage[];
  tools?: ChatToolSpec[];
  temperature?: number;
  /** Ask for a JSON object (query rewriting, summaries). */
  json?: boolean;
  signal?: AbortSignal;
}

export interface ChatResult {
  content: string;
  toolCalls: ChatToolCall[];
  finishReason: string;
}

export interface ChatModel {
  readonly id: string;
  /** Streams text deltas to `onDelta` and resolves with the whole message. */
  chat(req: ChatRequest, onDelta?: (text: string) => void): Promise<ChatResult>;
}
