// A small OpenAI-compatible server on 127.0.0.1 for tests: /v1/chat/completions (streamed as SSE
// chunks or as one JSON body, with tool calls) and /v1/embeddings. Each test scripts the replies.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatBody {
  model: string;
  stream?: boolean;
  messages: Array<{ role: string; content: string | null; tool_calls?: unknown[]; tool_call_id?: string }>;
  tools?: Array<{ type: 'function'; function: { name: string; description: string; parameters: unknown } }>;
  response_format?: { type: string };
}

export interface FakeReply {
  content?: string;
  toolCalls?: Array<{ name: string; arguments: unknown }>;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
  /** Answer with this HTTP status and an OpenAI-style error instead. */
  status?: number;
}

export type Script = (body: ChatBody, n: number) => FakeReply;

export interface FakeOpenAi {
  url: string;
  requests: ChatBody[];
  embeddingRequests: number;
  /** Embedding requests wait this long before answering (an embeddings server timing out). */
  embeddingDelayMs: number;
  script: Script;
  close(): Promise<void>;
}

export async function startFakeOpenAi(script: Script = () => ({ content: 'ok' })): Promise<FakeOpenAi> {
  const state = { requests: [] as ChatBody[], embeddingRequests: 0, embeddingDelayMs: 0, script };
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse((await read(req)) || '{}');
    if (req.url?.endsWith('/embeddings')) {
      state.embeddingRequests++;
      if (state.embeddingDelayMs) await new Promise((r) => setTimeout(r, state.embeddingDelayMs));
      if (res.destroyed) return;
      const input: string[] = Array.isArray(body.input) ? body.input : [body.input];
      const data = input.map((text, index) => ({
        object: 'embedding',
        index,
        embedding: pseudoVector(text, body.dimensions ?? 16),
      }));
      return json(res, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } });
    }
    if (!req.url?.endsWith('/chat/completions')) return json(res, 404, { error: { message: 'not found' } });
    state.requests.push(body as ChatBody);
    const reply = state.script(body as ChatBody, state.requests.length);
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    if (reply.status) return json(res, reply.status, { error: { message: 'scripted failure', type: 'server_error' } });
    const id = `chatcmpl-${state.requests.length}`;
    const toolCalls = (reply.toolCalls ?? []).map((t, i) => ({
      index: i,
      id: `call_${state.requests.length}_${i}`,
      type: 'function',
      function: {
        name: t.name,
        arguments: typeof t.arguments === 'string' ? t.arguments : JSON.stringify(t.arguments),
      },
    }));
    const finish = toolCalls.length ? 'tool_calls' : 'stop';
    if (!body.stream) {
      return json(res, 200, {
        id,
        object: 'chat.completion',
        created: 0,
        model: body.model,
        choices: [
          {
            index: 0,
            finish_reason: finish,
            message: {
              role: 'assistant',
              content: reply.content ?? null,
              ...(toolCalls.length ? { tool_calls: toolCalls.map(({ index: _i, ...t }) => t) } : {}),
            },
          },
        ],
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const send = (delta: unknown, finish_reason: string | null = null) =>
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta, finish_reason }] })}\n\n`,
      );
    send({ role: 'assistant', content: '' });
    // Content in small pieces, as real servers stream it (and so citations can be split across chunks).
    for (const piece of (reply.content ?? '').match(/[\s\S]{1,7}/g) ?? []) send({ content: piece });
    for (const tc of toolCalls) {
      const args = tc.function.arguments;
      send({
        tool_calls: [
          { index: tc.index, id: tc.id, type: 'function', function: { name: tc.function.name, arguments: '' } },
        ],
      });
      for (let i = 0; i < args.length; i += 10)
        send({ tool_calls: [{ index: tc.index, function: { arguments: args.slice(i, i + 10) } }] });
    }
    send({}, finish);
    res.write('data: [DONE]\n\n');
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests;
    },
    get embeddingRequests() {
      return state.embeddingRequests;
    },
    get embeddingDelayMs() {
      return state.embeddingDelayMs;
    },
    set embeddingDelayMs(ms: number) {
      state.embeddingDelayMs = ms;
    },
    get script() {
      return state.script;
    },
    set script(s: Script) {
      state.script = s;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The text of every message the model was sent, for assertions. */
export function promptText(body: ChatBody): string {
  return body.messages.map((m) => m.content ?? '').join('\n');
}

function pseudoVector(text: string, dims: number): number[] {
  const h = createHash('sha256').update(text).digest();
  return Array.from({ length: dims }, (_, i) => (h[i % h.length]! - 128) / 128);
}

async function read(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function json(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
