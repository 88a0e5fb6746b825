// Telegram updates are checked against the few fields the handlers read before any handler runs:
// an update that is not one (not an object, no update_id) is refused, and one whose message, chat,
// sender or text has the wrong shape is dropped with a warning. Either way no handler sees it, so
// a malformed update never becomes a TypeError, a 500 or an error reply.
import type { Context, MiddlewareFn } from 'grammy';
import { z } from 'zod';
import type { Logger } from '../../observability/logger.js';

const int = z.number().int();
const user = z.object({ id: int, language_code: z.string().optional(), username: z.string().optional() });
const chat = z.object({ id: int, type: z.string() });
const entity = z.object({ type: z.string(), offset: int.nonnegative(), length: int.nonnegative() });
const message = z.object({
  message_id: int,
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(entity).optional(),
  caption_entities: z.array(entity).optional(),
  message_thread_id: int.optional(),
  reply_to_message: z.object({ message_id: int, from: user.optional(), text: z.string().optional() }).optional(),
});
const callbackQuery = z.object({
  id: z.string(),
  from: user,
  data: z.string().optional(),
  // Every button of this bot sits on a message: a query without one (inline mode) is not ours.
  message: z.object({ message_id: int, chat }),
});
const updateSchema = z.object({
  update_id: int.nonnegative(),
  message: message.optional(),
  edited_message: message.optional(),
  channel_post: message.optional(),
  edited_channel_post: message.optional(),
  callback_query: callbackQuery.optional(),
});

// Only an object reaches the schema (notAnUpdate comes first), so every issue has a field path.
const describe = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

/** Why this value is not a Telegram update at all; undefined when it is one (shape checked later). */
export function notAnUpdate(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const id = (value as { update_id?: unknown }).update_id;
  return Number.isInteger(id) && (id as number) >= 0 ? undefined : 'no numeric update_id';
}

/** Why this update cannot be handled; undefined when its fields have the shapes the handlers read. */
export function malformedUpdate(value: unknown): string | undefined {
  const top = notAnUpdate(value);
  if (top) return top;
  const parsed = updateSchema.safeParse(value);
  if (!parsed.success) return describe(parsed.error);
  return undefined;
}

/** First middleware: malformed updates stop here with a warning (whatever their kind: the chat
 * and sender grammY finds in any update are checked too). */
export function dropMalformedUpdates(log: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const problem =
      malformedUpdate(ctx.update) ??
      (ctx.chat !== undefined && !chat.safeParse(ctx.chat).success ? 'chat: malformed' : undefined) ??
      (ctx.from !== undefined && !user.safeParse(ctx.from).success ? 'from: malformed' : undefined);
    if (problem) {
      log.warn({ updateId: (ctx.update as { update_id?: unknown }).update_id, problem }, 'telegram update dropped');
      return;
    }
    await next();
  };
}
