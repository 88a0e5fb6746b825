// Bolt's logger interface on top of our structured logs.
import type { Logger as BoltLogger, LogLevel } from '@slack/logger';
import type { Logger } from '../../observability/logger.js';

export function boltLogger(log: Logger): BoltLogger {
  const l = log.child({ channel: 'slack' });
  let level = 'warn' as LogLevel;
  const fmt = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...m: unknown[]) => l.debug(fmt(m)),
    info: (...m: unknown[]) => l.info(fmt(m)),
    warn: (...m: unknown[]) => l.warn(fmt(m)),
    error: (...m: unknown[]) => l.error(fmt(m)),
    setLevel: (v: LogLevel) => void (level = v),
    getLevel: () => level,
    setName: () => undefined,
  };
}
