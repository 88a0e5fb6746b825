// The registry of tools the model may call, and the JSON Schemas it is shown.
import { z } from 'zod';
import type { ChatToolSpec } from '../llm/chat-model.js';
import type { Tool } from '../tools/define-tool.js';

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
