// Telegram answers 429 with `parameters.retry_after` (seconds) when we send too fast; the call is
// repeated after that delay, a few times, instead of failing the user's answer.
import type { Transformer } from 'grammy';
import type { Logger } from '../../observability/logger.js';

export function retryOn429(log: Logger, maxRetries = 3, maxWaitSeconds = 30): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      const res = await prev(method, payload, signal);
      const wait = !res.ok && res.error_code === 429 ? res.parameters?.retry_after : undefined;
      if (wait === undefined || attempt >= maxRetries || wait > maxWaitSeconds) return res;
      log.warn({ method, retryAfter: wait, attempt: attempt + 1 }, 'telegram rate limit; retrying');
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
  };
}
