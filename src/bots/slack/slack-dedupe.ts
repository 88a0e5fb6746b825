// Slack redelivers an event when it did not see an answer in time (X-Slack-Retry-Num), and a click
// or command may reach two replicas: each event id, and each action's or command's trigger id, is
// handled once, across replicas (the database decides). A repeat is acknowledged and dropped.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { UpdateLedger } from '../../store/update-ledger.js';
import { ackIfAny } from './ack-if-any.js';

/** The id Slack gives this delivery: an event's event_id, else a click's or command's trigger_id. */
export function slackDeliveryId(body: unknown): string | undefined {
  const b = (body ?? {}) as { event_id?: unknown; trigger_id?: unknown };
  if (typeof b.event_id === 'string' && b.event_id) return b.event_id;
  if (typeof b.trigger_id === 'string' && b.trigger_id) return `trigger:${b.trigger_id}`;
  return undefined;
}

export function onceBySlackId(ledger: Pick<UpdateLedger, 'claim'>): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const id = slackDeliveryId(args.body);
    if (id !== undefined && !(await ledger.claim('slack', id))) {
      await ackIfAny(args);
      return;
    }
    await args.next();
  };
}
