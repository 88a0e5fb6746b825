// A Telegram bot wired to a test harness and a fake Bot API, as the tests that read its replies build
// it: no edit or typing delays, a rate limit no test reaches; `extra` adds or overrides dependencies.
import { createTelegramBot, type TelegramDeps } from '../../src/bots/telegram/telegram-bot.js';
import { createLogger } from '../../src/observability/logger.js';
import { AnswerRepo, UpdateLedger } from '../../src/store/answer-repo.js';
import type { Harness } from './assistant-harness.js';
import { BOT_USER, type FakeTelegram } from './fake-telegram.js';

export function testBot(h: Harness, api: FakeTelegram, extra: Partial<TelegramDeps> = {}) {
  return createTelegramBot({
    token: api.token,
    apiRoot: api.apiRoot,
    assistant: h.assistant(),
    answers: new AnswerRepo(h.db),
    conversations: h.conversations,
    ledger: new UpdateLedger(h.db),
    log: createLogger('silent'),
    botInfo: BOT_USER,
    editIntervalMs: 0,
    typingDelayMs: 0,
    rateLimit: { perMinute: 60, burst: 20 },
    ...extra,
  });
}
