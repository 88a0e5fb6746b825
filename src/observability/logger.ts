// Structured logs (pino). Secrets are redacted by key wherever they appear in a logged object.
import { pino, type Logger } from 'pino';

export type { Logger };

const SECRET_PATHS = [
  '*.token',
  '*.apiKey',
  '*.api_key',
  '*.secret',
  '*.password',
  '*.authorization',
  '*.Authorization',
  'config.telegram.token',
  'config.slack.botToken',
  'config.slack.signingSecret',
  'config.slack.appToken',
  'config.llm.apiKey',
  'config.embeddings.apiKey',
  'config.database.url',
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: SECRET_PATHS, censor: '***' }, base: undefined },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** Removes anything that looks like a credential from free text (error messages, URLs). */
export function scrubSecrets(text: string): string {
  return text
    .replace(/\bbot\d+:[A-Za-z0-9_-]{20,}/g, 'bot***')
    .replace(/\bxox[abposr]-[A-Za-z0-9-]+/g, 'xox*-***')
    .replace(/\bxapp-[A-Za-z0-9-]+/g, 'xapp-***')
    .replace(/\bsk-[A-Za-z0-9_-]{8,}/g, 'sk-***')
    .replace(/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g, '$1***@');
}
