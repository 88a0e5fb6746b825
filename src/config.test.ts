import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.http.port).toBe(8080);
    expect(c.dataDir).toBe('./data');
    expect(c.database.url).toBeUndefined();
    expect(c.embeddings).toEqual({ provider: 'hashing', dimensions: 256 });
    expect(c.llm).toEqual({ provider: 'none' });
    // A server logs info; a terminal command only warnings, unless LOG_LEVEL says otherwise.
    expect([c.logLevel, c.cliLogLevel]).toEqual(['info', 'warn']);
    expect(loadConfig({ LOG_LEVEL: 'debug' }).cliLogLevel).toBe('debug');
  });

  it('names the variable when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: .*number/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ LLM_BASE_URL: 'not a url' })).toThrow(/LLM_BASE_URL: must be an http\(s\) URL/);
  });

  it('never repeats a secret in its message', () => {
    try {
      loadConfig({ TELEGRAM_WEBHOOK_SECRET: 'has spaces and secret-value' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toContain('TELEGRAM_WEBHOOK_SECRET');
      expect((err as Error).message).not.toContain('secret-value');
    }
  });

  it('requires the webhook secret with a webhook URL', () => {
    expect(() =>
      loadConfig({ TELEGRAM_BOT_TOKEN: '1:a', TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/webhook' }),
    ).toThrow(/TELEGRAM_WEBHOOK_SECRET is required/);
  });

  it('chooses providers from what is set', () => {
    const c = loadConfig({
      EMBEDDINGS_BASE_URL: 'http://127.0.0.1:9/v1',
      LLM_BASE_URL: 'http://127.0.0.1:9/v1',
      LLM_MODEL: 'qwen',
    });
    expect(c.embeddings.provider).toBe('openai');
    expect(c.llm).toMatchObject({ provider: 'openai', model: 'qwen' });
  });
});
