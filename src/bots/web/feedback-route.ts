// POST /api/feedback {"answerId": 12, "conversationId": "…", "rating": 1 | -1}: 👍/👎 under an answer
// in the web console, stored like Telegram's and Slack's (AnswerRepo.feedback). The browser tab is
// the voter: only the conversation that received an answer can rate it, once, and a second click
// changes the vote.
import { z } from 'zod';
import { t } from '../../i18n/messages.js';
import { HttpError, langFromHeaders, sendJson, type RequestContext } from '../../http-kit/http-server.js';
import { JSON_TYPES, readBody } from '../../http-kit/read-body.js';
import type { AnswerRepo } from '../../store/answer-repo.js';
import { conversationIdSchema, storedConversationId } from './conversation-id.js';

const feedbackBody = z.object({
  answerId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  conversationId: conversationIdSchema,
  rating: z.union([z.literal(1), z.literal(-1)]),
});

export function feedbackRoute(answers: AnswerRepo) {
  return async ({ req, res }: RequestContext): Promise<void> => {
    const lang = langFromHeaders(req);
    let data: unknown;
    try {
      data = JSON.parse((await readBody(req, { limit: 4096, types: JSON_TYPES })).toString('utf8'));
    } catch (err) {
      if (err instanceof HttpError) throw err;
      throw new HttpError(400, t(lang, 'badRequest'));
    }
    const parsed = feedbackBody.safeParse(data);
    if (!parsed.success) throw new HttpError(400, t(lang, 'badRequest'));
    const { answerId, conversationId, rating } = parsed.data;
    const conversation = storedConversationId(conversationId);
    const answer = await answers.get(answerId);
    // Someone else's answer reads exactly like a deleted one: ids are sequential, so this must not tell.
    if (!answer || answer.channel !== 'web' || answer.conversationId !== conversation)
      throw new HttpError(404, t(lang, 'answerExpired'));
    await answers.feedback(answerId, 'web', conversation, rating);
    sendJson(res, 200, { answerId, rating });
  };
}
