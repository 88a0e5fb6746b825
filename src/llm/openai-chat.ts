// Any OpenAI-compatible chat endpoint (OpenAI, DeepSeek, Qwen compatible mode, vLLM, Ollama)
// through the openai SDK: streaming, tool calls, a timeout per request, the SDK's retries with
// backoff for retryable answers (408, 409, 429 with retry-after, 5xx), and a circuit breaker.
import OpenAI from 'openai';
import type { ChatModel, ChatRequest, ChatResult, ChatToolCall } from './chat-model.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { keepAliveFetch } from './keep-alive-fetch.js';

export interface OpenAiChatOptions {
  baseUrl: string;
  apiKey?: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries?: number;
  breaker?: CircuitBreaker;
}

export class OpenAiChat implements ChatModel {
  readonly id: string;
  private readonly client: OpenAI;
  private readonly breaker: CircuitBreaker;

  constructor(private readonly opts: OpenAiChatOptions) {
    this.id = `openai-compatible/${opts.model}`;
    this.client = new OpenAI({
      baseURL: opts.baseUrl,
      apiKey: opts.apiKey ?? 'not-needed',
      timeout: opts.timeoutMs,
      maxRetries: opts.maxRetries ?? 2,
      fetch: keepAliveFetch,
    });
    this.breaker = opts.breaker ?? new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000 });
  }

  chat(req: ChatRequest, onDelta?: (text: string) => void): Promise<ChatResult> {
    return this.breaker.run(() => this.stream(req, onDelta));
  }

  private async stream(req: ChatRequest, onDelta?: (text: string) => void): Promise<ChatResult> {
    const stream = await this.client.chat.completions.create(
      {
        model: this.opts.model,
        messages: req.messages as OpenAI.Chat.Completions.ChatCompletionMessageParam[],
        stream: true,
        temperature: req.temperature ?? 0.2,
        ...(req.tools?.length ? { tools: req.tools } : {}),
        ...(req.json ? { response_format: { type: 'json_object' as const } } : {}),
      },
      { ...(req.signal ? { signal: req.signal } : {}) },
    );
    let content = '';
    let finishReason = 'stop';
    const calls = new Map<number, ChatToolCall>();
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (!choice) continue;
      const delta = choice.delta;
      if (delta?.content) {
        content += delta.content;
        onDelta?.(delta.content);
      }
      for (const toolCallDelta of delta?.tool_calls ?? []) {
        // Tool calls arrive in pieces keyed by index: the id and name first, arguments in parts.
        const call = calls.get(toolCallDelta.index) ?? {
          id: '',
          type: 'function' as const,
          function: { name: '', arguments: '' },
        };
        if (toolCallDelta.id) call.id = toolCallDelta.id;
        if (toolCallDelta.function?.name) call.function.name += toolCallDelta.function.name;
        if (toolCallDelta.function?.arguments) call.function.arguments += toolCallDelta.function.arguments;
        calls.set(toolCallDelta.index, call);
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
    const toolCalls = [...calls.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([i, c]) => ({ ...c, id: c.id || `call_${i}` }));
    return { content, toolCalls, finishReason };
  }
}
