// Tools are defined once, with a zod schema for their input; the model sees their JSON Schema.
// A side-effecting tool never acts from inside the agent loop: it returns a proposal the channel
// puts to the user for confirmation. Defined here, below the assistant, so a tool needs nothing of the turn.
import type { z } from 'zod';
import type { Lang } from '../domain/lang.js';

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
