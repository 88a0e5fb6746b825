// The regulation watch's periodic work on the outbox worker's loop: alert any change batch left
// unalerted (an ingest or import in a process that died before writing its digests, or in another
// replica), and the weekly review reminder to staff channels. Each runs at most once per interval
// per process; the outbox keys make a second process's run harmless.
import type { Logger } from '../observability/logger.js';
import type { WatchService } from '../watch/watch-service.js';

export function watchTicker(
  watch: WatchService,
  log: Logger,
  every: { alertsMs?: number; remindersMs?: number } = {},
): (now: Date) => Promise<void> {
  let lastAlerts = 0;
  let lastReminders = 0;
  return async (now) => {
    const t = now.getTime();
    if (t - lastAlerts >= (every.alertsMs ?? 60_000)) {
      lastAlerts = t;
      const r = await watch.alertPending();
      if (r.digests) log.info(r, 'regulation watch digests queued');
    }
    if (t - lastReminders >= (every.remindersMs ?? 3_600_000)) {
      lastReminders = t;
      const n = await watch.remindReviews(now);
      if (n) log.info({ channels: n }, 'review reminders queued');
    }
  };
}
