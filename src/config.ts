// The environment, parsed once at start-up. A wrong value stops the program with a
// sentence naming the variable; nothing else in the code reads process.env.
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const optionalUrl = (what: string) =>
  optionalString.refine((v) => v === undefined || isHttpUrl(v), { message: `must be an http(s) URL (${what})` });

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: port.default(8080),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalUrl('the address users open, printed at start'),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt.min(100).default(30_000),
  DATA_DIR: z.string().min(1).default('./data'),
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'must start with postgres:// or postgresql://',
  }),
  VECTOR_STORE: z.enum(['hnswlib', 'pgvector']).default('hnswlib'),

  EMBEDDINGS_BASE_URL: optionalUrl('an OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1'),
  EMBEDDINGS_MODEL: z.string().default('text-embedding-3-small'),
  EMBEDDINGS_API_KEY: optionalString,
  EMBEDDINGS_DIMENSIONS: positiveInt.optional(),
  HASH_EMBEDDINGS_DIMENSIONS: positiveInt.max(4096).default(256),

  LLM_BASE_URL: optionalUrl('an OpenAI-compatible endpoint, e.g. https://api.deepseek.com/v1'),
  LLM_API_KEY: optionalString,
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: positiveInt.default(30_000),

  // Evaluation runs only (`advisor eval --suite safety|answers`): the model under test and its judge.
  EVAL_LLM_BASE_URL: optionalUrl('the model the answers and safety suites evaluate'),
  EVAL_LLM_API_KEY: optionalString,
  EVAL_LLM_MODEL: z.string().default('gpt-4o-mini'),
  EVAL_JUDGE_BASE_URL: optionalUrl('the judge model of the answers suite (default: the evaluated one)'),
  EVAL_JUDGE_API_KEY: optionalString,
  EVAL_JUDGE_MODEL: optionalString,
  /** Who runs the CLI, recorded with credit lookups made from it. */
  USER: optionalString,

  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: optionalUrl('the public https URL Telegram posts updates to'),
  TELEGRAM_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: 'must be 1–256 characters of A–Z, a–z, 0–9, _ or - (Telegram rule)',
  }),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalUrl('the Slack Web API base, ending in /api/').transform((v) =>
    v === undefined || v.endsWith('/') ? v : `${v}/`,
  ),

  // Who may use the Slack app: user ids (comma-separated) and/or a user group id; the legal team likewise.
  SLACK_STAFF_USERS: optionalString,
  SLACK_STAFF_USERGROUP: optionalString,
  SLACK_LEGAL_USERS: optionalString,
  SLACK_LEGAL_USERGROUP: optionalString,

  SLACK_SUPERVISOR_CHANNEL: optionalString,

  // Legal escalation
  LAW_FIRMS_FILE: z.string().min(1).default('./knowledge/partners/law-firms.yaml'),
  TICKET_CLAIM_SLA_MINUTES: positiveInt.default(60),
  TICKET_AUTOCLOSE_HOURS: positiveInt.default(72),
  OUTBOX_INTERVAL_MS: positiveInt.default(1000),
  // A send that has not finished within this time (a crashed replica) is tried again.
  OUTBOX_LEASE_MS: positiveInt.default(60_000),

  // Company credit checks
  CREDIT_PROVIDERS: z
    .string()
    .default('local')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .refine((l) => l.every((p) => ['local', 'http', 'gleif'].includes(p)), {
      message: 'must list local, http and/or gleif',
    }),
  CREDIT_HTTP_URL: optionalUrl('the zone credit service, see docs/credit-api.openapi.yaml'),
  CREDIT_HTTP_API_KEY: optionalString,
  GLEIF_API_URL: z.string().url().default('https://api.gleif.org/api/v1'),
  SANCTIONS_API_URL: optionalUrl('an OpenSanctions-compatible /match API'),
  SANCTIONS_API_KEY: optionalString,
  CREDIT_TIMEOUT_MS: positiveInt.default(8000),
  CREDIT_CACHE_TTL_HOURS: positiveInt.default(24),
  CREDIT_SAMPLE_FILE: z.string().min(1).default('./knowledge/credit/sample-companies.csv'),

  // Route planning
  NETWORK_FILE: z.string().min(1).default('./knowledge/logistics/network.yaml'),
  ROUTES_HTTP_URL: optionalUrl('an external route/rate service, see docs/routes-api.openapi.yaml'),
  ROUTES_HTTP_API_KEY: optionalString,

  MAX_QUESTION_CHARS: positiveInt.default(4000),
});

export type Env = z.infer<typeof envSchema>;

export interface EvalModelConfig {
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
}

export interface Config {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  /** At the terminal the output is the answer: the info lines a server logs are noise there unless
   * LOG_LEVEL asks for them (commands other than `serve`). */
  cliLogLevel: Env['LOG_LEVEL'];
  http: { port: number; host: string; publicUrl: string | undefined; requestTimeoutMs: number };
  dataDir: string;
  knowledgeDir: string;
  database: { url: string | undefined };
  vectorStore: Env['VECTOR_STORE'];
  embeddings:
    | { provider: 'hashing'; dimensions: number }
    | {
        provider: 'openai';
        baseUrl: string;
        model: string;
        apiKey: string | undefined;
        dimensions: number | undefined;
      };
  llm:
    | { provider: 'none' }
    | { provider: 'openai'; baseUrl: string; apiKey: string | undefined; model: string; timeoutMs: number };
  telegram: {
    token: string | undefined;
    apiRoot: string;
    webhookUrl: string | undefined;
    webhookSecret: string | undefined;
  };
  slack: {
    botToken: string | undefined;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string | undefined;
    staff: { users: string[]; usergroup: string | undefined };
    legal: { users: string[]; usergroup: string | undefined };
  };
  limits: { maxQuestionChars: number };
  /** Who runs the CLI (the shell's USER), recorded with lookups made from it. */
  operator: string;
  evals: { llm: EvalModelConfig | undefined; judge: EvalModelConfig | undefined };
  credit: {
    providers: Array<'local' | 'http' | 'gleif'>;
    httpUrl: string | undefined;
    httpApiKey: string | undefined;
    gleifUrl: string;
    sanctionsUrl: string | undefined;
    sanctionsApiKey: string | undefined;
    timeoutMs: number;
    cacheTtlHours: number;
    sampleFile: string;
  };
  routes: { networkFile: string; httpUrl: string | undefined; httpApiKey: string | undefined };
  tickets: {
    lawFirmsFile: string;
    claimSlaMinutes: number;
    autoCloseHours: number;
    supervisorChannel: string | undefined;
    outboxIntervalMs: number;
    outboxLeaseMs: number;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment; throws ConfigError with one line per bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const given = source[name];
      const shown = given === undefined ? '' : ` (got "${redact(name, given)}")`;
      return `  ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_BOT_TOKEN) {
    throw new ConfigError('Invalid configuration:\n  TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not');
  }
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL (webhook calls are always verified)',
    );
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  if (e.VECTOR_STORE === 'pgvector' && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  VECTOR_STORE=pgvector needs DATABASE_URL (PostgreSQL with the vector extension)',
    );
  }
  if (e.CREDIT_PROVIDERS.includes('http') && !e.CREDIT_HTTP_URL) {
    throw new ConfigError('Invalid configuration:\n  CREDIT_HTTP_URL is required when CREDIT_PROVIDERS includes http');
  }
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    cliLogLevel: source.LOG_LEVEL ? e.LOG_LEVEL : 'warn',
    http: { port: e.PORT, host: e.HOST, publicUrl: e.PUBLIC_URL, requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS },
    dataDir: e.DATA_DIR,
    knowledgeDir: e.KNOWLEDGE_DIR,
    database: { url: e.DATABASE_URL },
    vectorStore: e.VECTOR_STORE,
    embeddings: e.EMBEDDINGS_BASE_URL
      ? {
          provider: 'openai',
          baseUrl: e.EMBEDDINGS_BASE_URL,
          model: e.EMBEDDINGS_MODEL,
          apiKey: e.EMBEDDINGS_API_KEY,
          dimensions: e.EMBEDDINGS_DIMENSIONS,
        }
      : { provider: 'hashing', dimensions: e.HASH_EMBEDDINGS_DIMENSIONS },
    llm: e.LLM_BASE_URL
      ? {
          provider: 'openai',
          baseUrl: e.LLM_BASE_URL,
          apiKey: e.LLM_API_KEY,
          model: e.LLM_MODEL,
          timeoutMs: e.LLM_TIMEOUT_MS,
        }
      : { provider: 'none' },
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      webhookUrl: e.TELEGRAM_WEBHOOK_URL,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
    },
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      staff: { users: idList(e.SLACK_STAFF_USERS), usergroup: e.SLACK_STAFF_USERGROUP },
      legal: { users: idList(e.SLACK_LEGAL_USERS), usergroup: e.SLACK_LEGAL_USERGROUP },
    },
    limits: { maxQuestionChars: e.MAX_QUESTION_CHARS },
    operator: e.USER ?? 'local',
    evals: {
      llm: e.EVAL_LLM_BASE_URL
        ? { baseUrl: e.EVAL_LLM_BASE_URL, apiKey: e.EVAL_LLM_API_KEY, model: e.EVAL_LLM_MODEL }
        : undefined,
      judge:
        (e.EVAL_JUDGE_BASE_URL ?? e.EVAL_LLM_BASE_URL)
          ? {
              baseUrl: (e.EVAL_JUDGE_BASE_URL ?? e.EVAL_LLM_BASE_URL)!,
              apiKey: e.EVAL_JUDGE_API_KEY ?? e.EVAL_LLM_API_KEY,
              model: e.EVAL_JUDGE_MODEL ?? e.EVAL_LLM_MODEL,
            }
          : undefined,
    },
    credit: {
      providers: e.CREDIT_PROVIDERS as Array<'local' | 'http' | 'gleif'>,
      httpUrl: e.CREDIT_HTTP_URL,
      httpApiKey: e.CREDIT_HTTP_API_KEY,
      gleifUrl: e.GLEIF_API_URL,
      sanctionsUrl: e.SANCTIONS_API_URL,
      sanctionsApiKey: e.SANCTIONS_API_KEY,
      timeoutMs: e.CREDIT_TIMEOUT_MS,
      cacheTtlHours: e.CREDIT_CACHE_TTL_HOURS,
      sampleFile: e.CREDIT_SAMPLE_FILE,
    },
    routes: { networkFile: e.NETWORK_FILE, httpUrl: e.ROUTES_HTTP_URL, httpApiKey: e.ROUTES_HTTP_API_KEY },
    tickets: {
      lawFirmsFile: e.LAW_FIRMS_FILE,
      claimSlaMinutes: e.TICKET_CLAIM_SLA_MINUTES,
      autoCloseHours: e.TICKET_AUTOCLOSE_HOURS,
      supervisorChannel: e.SLACK_SUPERVISOR_CHANNEL,
      outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
      outboxLeaseMs: e.OUTBOX_LEASE_MS,
    },
  };
}

function idList(v: string | undefined): string[] {
  return (v ?? '').split(/[\s,]+/).filter(Boolean);
}

// Secrets never appear in an error message, even when their format is wrong.
function redact(name: string, value: string): string {
  return /TOKEN|SECRET|KEY|PASSWORD|DATABASE_URL/.test(name) ? '***' : value.slice(0, 80);
}

/**
 * The language of the person at the terminal, from the POSIX locale (LC_ALL, LC_MESSAGES, LANG):
 * zh_* → zh, ru_* → ru, anything else → en. The CLI speaks it until the text typed says otherwise.
 */
export function localeLang(source: Record<string, string | undefined> = process.env): 'zh' | 'ru' | 'en' {
  const locale = source.LC_ALL || source.LC_MESSAGES || source.LANG || '';
  if (/^zh\b|^zh[_-]/i.test(locale)) return 'zh';
  if (/^ru\b|^ru[_-]/i.test(locale)) return 'ru';
  return 'en';
}
