// Bolt hands `ack` to actions, commands and options, not to events (Bolt answers their HTTP request
// itself): a middleware that stops a request acknowledges it when there is something to acknowledge.
import type { AnyMiddlewareArgs } from '@slack/bolt';

export async function ackIfAny(args: AnyMiddlewareArgs): Promise<void> {
  const ack = (args as { ack?: unknown }).ack;
  if (typeof ack === 'function') await ack();
}
