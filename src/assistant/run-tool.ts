// One call of a registered tool, by the model or by a request answered without one: the arguments are
// parsed and checked against the tool's schema, and a failure comes back as the record's error, logged and
// counted, never thrown.
import type { ToolCallRecord } from '../domain/answer.js';
import type { Lang } from '../domain/lang.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { errorInfo } from './error-info.js';
import type { ToolRegistry } from './tools.js';
import type { Turn } from './types.js';

/** What running a tool takes of the assistant's dependencies. */
export interface ToolRunDeps {
  tools: ToolRegistry;
  log: Logger;
  metrics?: Metrics;
}

export async function runTool(
  deps: ToolRunDeps,
  name: string,
  rawArgs: string,
  lang: Lang,
  turn: Turn,
): Promise<ToolCallRecord> {
  const tool = deps.tools.get(name);
  if (!tool) return { name, input: rawArgs, error: `unknown tool ${name}` };
  let args: unknown;
  try {
    args = rawArgs.trim() ? JSON.parse(rawArgs) : {};
  } catch {
    return { name, input: rawArgs, error: 'arguments are not valid JSON' };
  }
  const parsed = tool.input.safeParse(args);
  if (!parsed.success)
    return {
      name,
      input: args,
      error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  const t0 = performance.now();
  try {
    const output = await tool.run(parsed.data, {
      lang,
      conversationId: turn.conversationId ?? '',
      userId: turn.userId,
      channel: turn.channel,
      ...(turn.signal ? { signal: turn.signal } : {}),
    });
    deps.metrics?.toolSeconds.observe({ tool: name }, (performance.now() - t0) / 1000);
    return { name, input: parsed.data, output };
  } catch (err) {
    deps.metrics?.toolErrors.inc({ tool: name });
    deps.log.warn({ tool: name, err: errorInfo(err) }, 'tool failed');
    return { name, input: parsed.data, error: 'the tool failed; its service may be unavailable' };
  }
}
