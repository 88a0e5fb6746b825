// Slack waits three seconds for an acknowledgement and then shows the user an error: a button or a
// command this app has no handler for (an old message's button, a forged payload) is acknowledged
// here with a warning. Registrations are recorded as they are made, so the catch-all knows exactly
// which ids have a handler in this configuration (with or without tickets, credit).
import type { App } from '@slack/bolt';
import type { Logger } from '../../observability/logger.js';

type Constraint = string | RegExp;

const matches = (constraints: readonly Constraint[], id: string) =>
  constraints.some((c) => (typeof c === 'string' ? c === id : new RegExp(c.source, c.flags).test(id)));

/** Call before registering handlers; call the function it returns after the last registration. */
export function ackUnhandled(app: App, log: Logger): () => void {
  const actions: Constraint[] = [];
  const commands: Constraint[] = [];
  const action = app.action.bind(app) as (c: Constraint, ...l: unknown[]) => void;
  const command = app.command.bind(app) as (c: Constraint, ...l: unknown[]) => void;
  app.action = ((c: Constraint, ...l: unknown[]) => {
    actions.push(c);
    return action(c, ...l);
  }) as App['action'];
  app.command = ((c: Constraint, ...l: unknown[]) => {
    commands.push(c);
    return command(c, ...l);
  }) as App['command'];
  return () => {
    action(/[\s\S]*/, async ({ action: a, ack }: { action: { action_id?: string }; ack: () => Promise<void> }) => {
      const id = String(a?.action_id ?? '');
      if (matches(actions, id)) return;
      log.warn({ actionId: id.slice(0, 80) }, 'slack action with no handler acknowledged');
      await ack();
    });
    command(/[\s\S]*/, async ({ command: c, ack }: { command: { command?: string }; ack: () => Promise<void> }) => {
      const name = String(c?.command ?? '');
      if (matches(commands, name)) return;
      log.warn({ command: name.slice(0, 80) }, 'slack command with no handler acknowledged');
      await ack();
    });
  };
}
