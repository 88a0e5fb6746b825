// Answer ids are sequential and travel in button values anyone can forge: a Slack action may only
// touch an answer given in the channel the click came from, as Telegram's and the web console's do.
import type { StoredAnswer } from '../../store/answer-repo.js';

export function answerInChannel<A extends Pick<StoredAnswer, 'channel' | 'conversationId'>>(
  answer: A | undefined,
  channelId: string | undefined,
): A | undefined {
  if (!answer || !channelId || answer.channel !== 'slack') return undefined;
  return answer.conversationId?.startsWith(`slack:${channelId}:`) ? answer : undefined;
}
