// One question → one answer in Slack: a placeholder in the thread, updated with the streamed text at
// a throttled rate (chat.update is rate-limited), then the final Block Kit message.
import type { WebClient } from '@slack/web-api';
import type { Assistant } from '../../assistant/assistant.js';
import { slackText } from '../../i18n/slack-texts.js';
import type { Lang } from '../../domain/lang.js';
import { answerBlocks, escapeMrkdwn, fallbackText } from './slack-format.js';

export interface SlackAnswerDeps {
  assistant: Assistant;
  updateIntervalMs: number;
}

export interface SlackQuestion {
  client: WebClient;
  channel: string;
  /** Thread to answer in; undefined posts a new message in the channel. */
  threadTs: string | undefined;
  userId: string;
  text: string;
  conversationId: string;
  uiLang: Lang;
}

export async function answerInSlack(deps: SlackAnswerDeps, q: SlackQuestion): Promise<void> {
  const placeholder = await q.client.chat.postMessage({
    channel: q.channel,
    text: slackText(q.uiLang, 'working'),
    ...(q.threadTs ? { thread_ts: q.threadTs } : {}),
  });
  const ts = placeholder.ts!;
  let streamed = '';
  let lastUpdate = Date.now();
  for await (const ev of deps.assistant.handleTurn({
    text: q.text,
    channel: 'slack',
    conversationId: q.conversationId,
    userId: q.userId,
    fallbackLang: q.uiLang,
  })) {
    if (ev.type === 'error') {
      await q.client.chat.update({ channel: q.channel, ts, text: ev.message });
      return;
    }
    if (ev.type === 'text') {
      streamed += ev.delta;
      if (Date.now() - lastUpdate >= deps.updateIntervalMs) {
        lastUpdate = Date.now();
        await q.client.chat
          .update({ channel: q.channel, ts, text: `${escapeMrkdwn(streamed)} …` })
          .catch(() => undefined);
      }
    }
    if (ev.type === 'done') {
      const answerId = ev.result.answerId!; // stored by the assistant: every Slack turn has a conversation
      await q.client.chat.update({
        channel: q.channel,
        ts,
        text: fallbackText(ev.result),
        blocks: answerBlocks(ev.result, answerId) as never,
      });
    }
  }
}
