// Slack payloads are checked against the fields the handlers read before any handler runs: a signed
// request whose event, action or command lacks them (a mention with no user or text) is
// acknowledged and dropped with a warning, never a TypeError logged as a handler failure.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../observability/logger.js';
import { ackIfAny } from './ack-if-any.js';

const str = z.string();
const events: Record<string, z.ZodType> = {
  app_mention: z.object({ user: str, text: str, channel: str, ts: str, thread_ts: str.optional() }),
  message: z.object({
    channel: str,
    ts: str,
    user: str.optional(),
    text: str.optional(),
    thread_ts: str.optional(),
    subtype: str.optional(),
    bot_id: str.optional(),
    channel_type: str.optional(),
  }),
  app_home_opened: z.object({ user: str, tab: str.optional() }),
};
const blockActions = z.object({
  user: z.object({ id: str }),
  actions: z.array(z.object({ action_id: str, value: str.optional() })).min(1),
  channel: z.object({ id: str }).optional(),
  message: z.object({ ts: str.optional(), thread_ts: str.optional() }).optional(),
});
const command = z.object({ command: str, text: str, user_id: str, channel_id: str, trigger_id: str });

/** Why this payload cannot be handled; undefined when its fields have the shapes the handlers read. */
export function malformedSlackPayload(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return 'not an object';
  const b = body as Record<string, unknown>;
  const check = (schema: z.ZodType, value: unknown, where: string) => {
    const r = schema.safeParse(value);
    return r.success
      ? undefined
      : `${where}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
  };
  if (b.type === 'event_callback') {
    const event = b.event as { type?: unknown } | null | undefined;
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string') return 'event: no type';
    const schema = events[event.type];
    return schema ? check(schema, event, `event ${event.type}`) : undefined;
  }
  if (b.type === 'block_actions') return check(blockActions, b, 'block_actions');
  if ('command' in b) return check(command, b, 'command');
  return undefined;
}

export function dropMalformedPayloads(log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const problem = malformedSlackPayload(args.body);
    if (!problem) return void (await args.next());
    log.warn({ problem }, 'slack payload dropped');
    await ackIfAny(args);
  };
}
