// Tools are defined once, with a zod schema for their input; the model sees their JSON Schema.
// A side-effecting tool never acts from inside the agent loop: it returns a proposal the channel
// puts to the user for confirmation.
import { z } from 'zod';
import type { ChatToolSpec } from '../llm/chat-model.js';
import type { Lang } from '../rag/types.js';

export interface ToolContext {
  lang: Lang;
  conversationId: string;
  userId: string | undefined;
  channel: string;
  signal?: AbortSignal;
}

export interface Tool<I = unknown, O = unknown> {
  name: string;
  description: string;
  input: z.ZodType<I>;
  /** True when running the tool would change something outside (a ticket, a message). */
  sideEffect: boolean;
  run(input: I, ctx: ToolContext): Promise<O>;
}

export function defineTool<S extends z.ZodType, O>(t: {
  name: string;
  description: string;
  input: S;
  sideEffect: boolean;
  run(input: z.infer<S>, ctx: ToolContext): Promise<O>;
}): Tool<z.infer<S>, O> {
  return t as Tool<z.infer<S>, O>;
}

export class ToolRegistry {
  private readonly tools = new Map<string, Tool>();
  private specCache: ChatToolSpec[] | undefined;

  register(tool: Tool<any, any>): this {
    if (this.tools.has(tool.name)) throw new Error(`tool ${tool.name} is registered twice`);
    this.tools.set(tool.name, tool as Tool);
    this.specCache = undefined;
    return this;
  }

  get(name: string): Tool | undefined {
    return this.tools.get(name);
  }

  list(): Tool[] {
    return [...this.tools.values()];
  }

  /** The JSON Schemas the model sees; built once, since every model call sends them. */
  specs(): ChatToolSpec[] {
    return (this.specCache ??= this.list().map((t) => {
      const { $schema: _drop, ...parameters } = z.toJSONSchema(t.input) as Record<string, unknown>;
      return { type: 'function', function: { name: t.name, description: t.description, parameters } };
    }));
  }
}
