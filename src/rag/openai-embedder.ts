// Any OpenAI-compatible /v1/embeddings endpoint (OpenAI, bge-m3 behind vLLM/TEI/Ollama, …).
import OpenAI from 'openai';
import { z } from 'zod';
import { l2normalize, type Embedder } from './embedder.js';

const responseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
});

export interface OpenAiEmbedderOptions {
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  dimensions?: number | undefined;
  batchSize?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  private readonly client: OpenAI;

  constructor(private readonly opts: OpenAiEmbedderOptions) {
    this.id = `openai/${opts.model}${opts.dimensions ? `/${opts.dimensions}` : ''}`;
    this.client = new OpenAI({
      baseURL: opts.baseUrl,
      // Local servers (Ollama, vLLM) need no key, but the SDK insists on one.
      apiKey: opts.apiKey ?? 'not-needed',
      timeout: opts.timeoutMs ?? 30_000,
      maxRetries: 2,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    const size = this.opts.batchSize ?? 64;
    for (let i = 0; i < texts.length; i += size) {
      const batch = texts.slice(i, i + size);
      const raw = await this.client.embeddings.create({
        model: this.opts.model,
        input: batch,
        encoding_format: 'float',
        ...(this.opts.dimensions ? { dimensions: this.opts.dimensions } : {}),
      });
      const parsed = responseSchema.parse(raw);
      if (parsed.data.length !== batch.length) {
        throw new Error(`embeddings endpoint returned ${parsed.data.length} vectors for ${batch.length} inputs`);
      }
      const ordered = [...parsed.data].sort((a, b) => a.index - b.index);
      for (const d of ordered) out.push(l2normalize(Float32Array.from(d.embedding)));
    }
    return out;
  }
}
