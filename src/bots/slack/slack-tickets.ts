// The legal team's side in Slack: Claim / Release / Reply / Close / Reopen on the ticket message
// (legal team only), thread replies relayed to the exporter, the "Escalate to legal" consent step
// for staff.
import type { App } from '@slack/bolt';
import { slackText } from '../../i18n/slack-texts.js';
import { ticketText } from '../../i18n/ticket-texts.js';
import type { Logger } from '../../observability/logger.js';
import type { Lang } from '../../domain/lang.js';
import type { AnswerRepo } from '../../store/answer-repo.js';
import { TicketTransitionError } from '../../tickets/ticket-repo.js';
import type { TicketService } from '../../tickets/ticket-service.js';
import type { SlackAccess } from './slack-access.js';
import { idValue } from './action-value.js';
import { answerInChannel } from './answer-in-channel.js';

export function registerTicketHandlers(
  app: App,
  deps: { tickets: TicketService; access: SlackAccess; answers: AnswerRepo; log: Logger },
): void {
  const { tickets, access } = deps;
  const ephemeral = (client: App['client'], channel: string | undefined, user: string, text: string) =>
    channel ? client.chat.postEphemeral({ channel, user, text }).then(() => undefined) : Promise.resolve();

  const actions = {
    ticket_claim: (id: number, user: string) => tickets.claim(id, user),
    ticket_release: (id: number, user: string) => tickets.release(id, user),
    ticket_close: (id: number, user: string) => tickets.close(id, `slack:${user}`),
    ticket_reopen: (id: number, user: string) => tickets.reopen(id, user),
  } as const;
  for (const [actionId, run] of Object.entries(actions)) {
    app.action(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const b = body as { user: { id: string }; channel?: { id: string } };
      if (!(await access.isLegal(b.user.id)))
        return void (await ephemeral(client, b.channel?.id, b.user.id, slackText('en', 'legalOnly')));
      const id = idValue(action);
      if (id === undefined)
        return void (await ephemeral(
          client,
          b.channel?.id,
          b.user.id,
          'Not possible now: this button names no ticket.',
        ));
      try {
        await run(id, b.user.id);
      } catch (err) {
        if (!(err instanceof TicketTransitionError)) throw err;
        await ephemeral(client, b.channel?.id, b.user.id, `Not possible now: ${err.message}.`);
      }
    });
  }
  app.action('ticket_reply', async ({ ack, body, client }) => {
    await ack();
    const b = body as { user: { id: string }; channel?: { id: string } };
    await ephemeral(
      client,
      b.channel?.id,
      b.user.id,
      'Reply in this ticket’s thread: your message is relayed to the exporter.',
    );
  });

  // A legal-team member's reply in a ticket thread goes to the exporter.
  app.message(async ({ message }) => {
    const m = message as {
      subtype?: string;
      bot_id?: string;
      user?: string;
      text?: string;
      channel: string;
      thread_ts?: string;
      ts: string;
      channel_type?: string;
    };
    if (m.channel_type === 'im' || !m.thread_ts || m.thread_ts === m.ts || m.subtype || m.bot_id || !m.user || !m.text)
      return;
    const t = await tickets.repo.bySlackThread(m.channel, m.thread_ts);
    if (!t || !(await access.isLegal(m.user))) return;
    try {
      await tickets.firmReply(t.id, m.user, m.text);
    } catch (err) {
      if (!(err instanceof TicketTransitionError)) throw err;
      deps.log.info({ ticket: t.id, error: err.message }, 'thread message not relayed');
    }
  });

  // Staff escalate a Slack answer: the same consent step as in Telegram, as ephemeral messages.
  app.action('escalate_legal', async ({ ack, body, action, client }) => {
    await ack();
    const b = body as { user: { id: string }; channel?: { id: string }; message?: { ts?: string; thread_ts?: string } };
    const answerId = idValue(action);
    const answer = answerInChannel(
      answerId === undefined ? undefined : await deps.answers.get(answerId),
      b.channel?.id,
    );
    if (!answer?.conversationId || !b.channel) return;
    const lang: Lang = answer.lang;
    const threadTs = b.message?.thread_ts ?? b.message?.ts;
    const draft = await tickets.draft({
      channel: 'slack',
      userId: b.user.id,
      chatId: `${b.channel.id}:${threadTs ?? ''}`,
      conversationId: answer.conversationId,
      lang,
    });
    await client.chat.postEphemeral({
      channel: b.channel.id,
      user: b.user.id,
      text: tickets.preview(draft),
      blocks: [
        { type: 'section', text: { type: 'plain_text', text: tickets.preview(draft) } },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'escalate_confirm',
              text: { type: 'plain_text', text: ticketText(lang, 'send') },
              value: String(draft.id),
              style: 'primary',
            },
            {
              type: 'button',
              action_id: 'escalate_cancel',
              text: { type: 'plain_text', text: ticketText(lang, 'cancel') },
              value: String(draft.id),
            },
          ],
        },
      ] as never,
    });
  });
  for (const [actionId, confirm] of [
    ['escalate_confirm', true],
    ['escalate_cancel', false],
  ] as const) {
    app.action(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const b = body as { user: { id: string }; channel?: { id: string } };
      const id = idValue(action);
      const t = id === undefined ? undefined : await tickets.repo.get(id);
      if (!t || t.userId !== b.user.id || t.status !== 'draft') return;
      if (confirm) await tickets.confirm(t.id, `slack:${b.user.id}`);
      else await tickets.cancel(t.id, `slack:${b.user.id}`);
      await ephemeral(
        client,
        b.channel?.id,
        b.user.id,
        ticketText(t.lang, confirm ? 'sent' : 'cancelled', { id: t.id }),
      );
    });
  }
}
