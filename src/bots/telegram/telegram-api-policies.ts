// How every call to the Bot API behaves under Telegram's limits, through grammY's well-kept plugins:
// a 429 is retried after its `retry_after` (auto-retry), and a process that sends many messages
// (the outbox worker: ticket notices, watch digests) is throttled to Telegram's published limits
// before it is told off (transformer-throttler: ~30 messages/s overall, 1/s per chat, 20/min per group).
import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler, type APIThrottlerOptions } from '@grammyjs/transformer-throttler';
import type { Api, Transformer } from 'grammy';
import type { Logger } from '../../observability/logger.js';

/** Logs what auto-retry will wait for, so rate limiting is visible in operations. */
function logRateLimits(log: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const res = await prev(method, payload, signal);
    if (!res.ok && res.error_code === 429)
      log.warn({ method, retryAfter: res.parameters?.retry_after }, 'telegram rate limit; retrying');
    return res;
  };
}

export function telegramApiPolicies(
  api: Api,
  log: Logger,
  /** `throttler`: other limits than Telegram's published ones (the watch benchmark scales them). */
  options: { throttle?: boolean; throttler?: APIThrottlerOptions } = {},
): Api {
  // Installed first, so it sees every attempt auto-retry makes.
  api.config.use(logRateLimits(log));
  api.config.use(
    autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowInternalServerErrors: true, rethrowHttpErrors: true }),
  );
  if (options.throttle) api.config.use(apiThrottler(options.throttler));
  return api;
}
