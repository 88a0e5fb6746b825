// Runs the bot: long polling with @grammyjs/runner by default, or a webhook on our HTTP server
// (telegram-webhook.ts) when TELEGRAM_WEBHOOK_URL is set.
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Config } from '../../config.js';
import { COMMAND_DESCRIPTIONS } from '../../i18n/telegram-texts.js';
import type { Logger } from '../../observability/logger.js';

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

export interface TelegramRunning {
  mode: 'polling' | 'webhook';
  stop(): Promise<void>;
}

export async function startTelegram(bot: Bot, config: Config, log: Logger): Promise<TelegramRunning> {
  await bot.init();
  await registerCommands(bot, log);
  const { webhookUrl, webhookSecret } = config.telegram;
  if (webhookUrl && webhookSecret) {
    await bot.api.setWebhook(webhookUrl, { secret_token: webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
    log.info({ bot: bot.botInfo.username, mode: 'webhook' }, 'telegram bot ready');
    // Nothing to stop: the HTTP server drains in-flight webhook calls when it closes.
    return { mode: 'webhook', stop: async () => undefined };
  }
  const handle: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  log.info({ bot: bot.botInfo.username, mode: 'polling' }, 'telegram bot ready');
  return {
    mode: 'polling',
    // Stops fetching and waits for the updates already being answered.
    stop: async () => {
      if (handle.isRunning()) await handle.stop();
    },
  };
}

async function registerCommands(bot: Bot, log: Logger): Promise<void> {
  try {
    await bot.api.setMyCommands(COMMAND_DESCRIPTIONS.en);
    for (const lang of ['ru', 'zh', 'en'] as const) {
      await bot.api.setMyCommands(COMMAND_DESCRIPTIONS[lang], { language_code: lang });
    }
  } catch (err) {
    log.warn({ error: (err as Error).message }, 'could not register telegram commands');
  }
}
