// `advisor`: serve · ingest · search · ask · chat · tickets · eval retrieval · lint. One error boundary: a known
// problem prints one readable sentence and exits non-zero; stack traces only with LOG_LEVEL=debug.
import { parseArgs } from 'node:util';
import { renderSourceList } from './assistant/citations.js';
import { chatSession } from './cli/chat-command.js';
import { creditCommand } from './cli/credit-command.js';
import { routeCommand } from './cli/route-command.js';
import { ticketList } from './tickets/ticket-list.js';
import { formatSummary, progressPrinter } from './cli/ingest-progress.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, scrubSecrets, type Logger } from './observability/logger.js';
import { createEmbedder, createRuntime, type Runtime } from './main.js';
import { evalRetrieval, readCorpus, readQueries } from './rag/eval-retrieval.js';
import { lintKnowledge } from './rag/lint-knowledge.js';
import { LANGS, type Lang } from './domain/lang.js';
import { serve } from './http/serve.js';
import { startOutboxWorker } from './jobs/start-worker.js';
import { runSuite } from './evals/run-suite.js';
import { evalExtractive, readExtractiveQueries } from './evals/eval-extractive.js';

const USAGE = `Usage: advisor <command> [options]

  serve                              ingest what changed, then serve the web console and API on PORT
  worker                             deliver notifications (outbox) and run SLA timers, without HTTP
  ingest [--json]                    index knowledge/ incrementally (added, changed, removed)
  search "<question>" [--k 5] [--lang zh|ru|en] [--category C] [--country KZ] [--json]
  ask "<question>" [--lang zh|ru|en] [--json]
  chat [--lang zh|ru|en]             an interactive session with memory (/lang, /exit)
  eval retrieval --corpus C.jsonl --queries Q.jsonl [--mode hybrid|lexical|vector] [--json]
  eval --suite extractive --corpus C.jsonl --queries Q.jsonl [--json]   is the answer in the direct answer (lead)?
  eval --suite retrieval|safety|answers   run a suite, write evals/reports/<suite>-<time>.md/.json
       [--facts FILE.jsonl] [--limit N]  answers: the fact questions, at most N per language
  credit "<company>" [--country KZ] [--pick N] [--json]   counterparty check across the configured sources
  route --from <place> --to <place> [--cargo 40ft|20ft|lcl|reefer|dg] [--png FILE] [--json]
  tickets [--json]                   open legal tickets with age and owner
  lint [dir]                         check knowledge documents (front-matter, translations)

Configuration comes from the environment; see README.md and .env.example.`;

class UsageError extends Error {}

const OPTIONS = {
  json: { type: 'boolean' },
  k: { type: 'string' },
  lang: { type: 'string' },
  category: { type: 'string' },
  country: { type: 'string' },
  corpus: { type: 'string' },
  queries: { type: 'string' },
  mode: { type: 'string' },
  pick: { type: 'string' },
  suite: { type: 'string' },
  facts: { type: 'string' },
  limit: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  cargo: { type: 'string' },
  png: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & { isTTY?: boolean };
  in?: NodeJS.ReadableStream;
}

export async function runCli(
  argv: string[],
  io: CliIo = { out: process.stdout, err: process.stderr },
): Promise<number> {
  let log: Logger | undefined;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...rest] = positionals;
    if (!command || values.help || command === 'help') {
      io.out.write(`${USAGE}\n`);
      return command || values.help ? 0 : 2;
    }
    if (command === 'lint') return lint(rest[0] ?? 'knowledge', io.out);
    const config = loadConfig();
    log = createLogger(config.logLevel);
    const print = (v: unknown) => io.out.write(`${typeof v === 'string' ? v : JSON.stringify(v, null, 2)}\n`);
    switch (command) {
      case 'serve':
        return await serveCommand(config, log, io.out);
      case 'worker':
        return await workerCommand(config, log, io.out);
      case 'eval':
        return await evalCommand(config, rest, values, print);
      case 'ingest':
      case 'chat':
      case 'tickets':
      case 'credit':
      case 'route':
      case 'search':
      case 'ask':
        break;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
    const rt = await createRuntime(config, log);
    try {
      if (command === 'credit') {
        const pick = values.pick === undefined ? undefined : Number(values.pick);
        if (pick !== undefined && (!Number.isInteger(pick) || pick < 1))
          throw new UsageError('--pick must be a whole number from 1');
        return await creditCommand(
          rt.credit,
          requireText(rest, command),
          { country: values.country, pick, json: values.json, operator: config.operator },
          print,
        );
      }
      if (command === 'route') {
        if (!rt.routes) throw new Error('route planning is off: no network file (NETWORK_FILE)');
        const from = values.from ?? rest[0];
        const to = values.to ?? rest[1];
        if (!from || !to)
          throw new UsageError('route needs --from and --to, e.g. advisor route --from Qingdao --to Almaty');
        return await routeCommand(
          rt.routes,
          { from, to, cargo: values.cargo, json: values.json, png: values.png, lang: parseLang(values.lang) },
          print,
        );
      }
      if (command === 'tickets') {
        const open = await rt.tickets.repo.open();
        print(values.json ? open : ticketList(open, new Date()));
        return 0;
      }
      if (command === 'chat') {
        await ensureIngested(rt, io.err);
        await chatSession(rt.assistant, io.in ?? process.stdin, io.out, parseLang(values.lang));
        return 0;
      }
      if (command === 'ingest') {
        const summary = await rt.ingest(values.json ? undefined : progressPrinter(io.err));
        print(values.json ? summary : formatSummary(summary));
        return summary.failed.length ? 1 : 0;
      }
      const text = requireText(rest, command);
      const lang = parseLang(values.lang);
      if (command === 'search') {
        await ensureIngested(rt, io.err);
        const k = values.k ? Number(values.k) : 5;
        if (!Number.isInteger(k) || k < 1 || k > 100) throw new UsageError('--k must be a whole number from 1 to 100');
        const hits = await rt.kb.search(text, { k, lang, category: values.category, country: values.country });
        const rows = hits.map((h) => ({
          id: h.id,
          docId: h.docId,
          title: h.title,
          lang: h.lang,
          headingPath: h.headingPath,
          text: h.text,
          score: Math.round(h.score * 1000) / 1000,
          source: h.source,
          asOf: h.asOf,
        }));
        print(
          values.json
            ? rows
            : rows
                .map((r, i) => `${i + 1}. [${r.docId}] ${r.title} — ${r.headingPath.slice(1).join(' › ')} (${r.score})`)
                .join('\n') || 'no results',
        );
        return 0;
      }
      await ensureIngested(rt, io.err);
      const outcome = await rt.assistant.ask({ text, channel: 'cli', lang });
      if (!outcome.ok) {
        io.err.write(`${outcome.message}\n`);
        return 2;
      }
      const r = outcome.result;
      const extras = [r.mode === 'llm' ? r.notices.join('\n') : '', renderSourceList(r.citations, r.lang)].filter(
        Boolean,
      );
      print(values.json ? r : [r.answer, ...extras].join('\n\n'));
      return 0;
    } finally {
      await rt.close();
    }
  } catch (err) {
    return reportError(err, io.err, log);
  }
}

async function serveCommand(config: Config, log: Logger, out: NodeJS.WritableStream): Promise<number> {
  const rt = await createRuntime(config, log);
  const serving = await serve(rt, log).catch(async (err: unknown) => {
    await rt.close();
    throw err;
  });
  const s = rt.kb.stats();
  out.write(
    `SCO Trade Advisor is running — open ${serving.url}\n  ${s.documents} documents, ${s.chunks} chunks, ` +
      `embeddings ${s.embedder}, database ${rt.db.engine}, LLM ${config.llm.provider === 'none' ? 'none (retrieval-only answers)' : config.llm.model}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await serving.close();
  await rt.close();
  return 0;
}

async function workerCommand(config: Config, log: Logger, out: NodeJS.WritableStream): Promise<number> {
  const rt = await createRuntime(config, log);
  const worker = startOutboxWorker(rt, log);
  if (!worker) {
    await rt.close();
    throw new Error('nothing to deliver: set TELEGRAM_BOT_TOKEN and/or SLACK_BOT_TOKEN');
  }
  out.write('SCO Trade Advisor worker running (outbox and SLA timers)\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await worker.stop();
  await rt.close();
  return 0;
}

async function evalCommand(
  config: Config,
  rest: string[],
  values: {
    corpus?: string | undefined;
    queries?: string | undefined;
    mode?: string | undefined;
    json?: boolean | undefined;
    suite?: string | undefined;
    facts?: string | undefined;
    limit?: string | undefined;
  },
  print: (v: unknown) => void,
): Promise<number> {
  if (values.suite === 'extractive') {
    if (!values.corpus || !values.queries) throw new UsageError('eval --suite extractive needs --corpus and --queries');
    const report = await evalExtractive(
      readCorpus(values.corpus),
      readExtractiveQueries(values.queries),
      createEmbedder(config),
    );
    if (values.json) print(report);
    else {
      const { misses: _misses, ...figures } = report;
      print(
        `extractive (${report.lang}, ${report.queries} queries): answer in lead ${report.answerInLead} (the first 480 characters of passage [1]: ${report.baselineAnswerInFirst480}) · mean lead ${report.meanLeadChars} characters · recall@1 ${report.recallAt1} · lead selection p50 ${figures.leadMs.p50} ms p95 ${figures.leadMs.p95} ms`,
      );
    }
    return 0;
  }
  if (values.suite) {
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw new UsageError('--limit must be a positive whole number');
    return runSuite(values.suite, (s) => print(s), { facts: values.facts, limit, models: config.evals });
  }
  if (rest[0] !== 'retrieval')
    throw new UsageError('eval needs a suite: advisor eval retrieval --corpus C.jsonl --queries Q.jsonl');
  if (!values.corpus || !values.queries) throw new UsageError('eval retrieval needs --corpus and --queries');
  const mode = values.mode ?? 'hybrid';
  if (mode !== 'hybrid' && mode !== 'lexical' && mode !== 'vector')
    throw new UsageError('--mode must be hybrid, lexical or vector');
  const report = await evalRetrieval(readCorpus(values.corpus), readQueries(values.queries), createEmbedder(config), {
    mode,
  });
  if (values.json) print(report);
  else {
    const f = (x: number) => x.toFixed(3);
    print(
      `${report.mode} (${report.embedder}) on ${report.queries} queries, ${report.corpus} passages: recall@1 ${f(report.recallAt1)} recall@5 ${f(report.recallAt5)} recall@10 ${f(report.recallAt10)} MRR@10 ${f(report.mrrAt10)} nDCG@10 ${f(report.ndcgAt10)} · latency p50 ${report.latencyMs.p50} ms p95 ${report.latencyMs.p95} ms`,
    );
  }
  return 0;
}

function lint(dir: string, out: NodeJS.WritableStream): number {
  const { documents, problems } = lintKnowledge(dir);
  for (const p of problems) out.write(`${p.file}: ${p.message}\n`);
  out.write(`${documents.length} documents, ${problems.length} problems\n`);
  return problems.length ? 1 : 0;
}

async function ensureIngested(rt: Runtime, err: NodeJS.WritableStream & { isTTY?: boolean }): Promise<void> {
  if (rt.kb.stats().documents > 0) return;
  err.write('The knowledge base is empty; ingesting knowledge/ first…\n');
  const summary = await rt.ingest(progressPrinter(err));
  err.write(`${formatSummary(summary)}\n`);
}

function requireText(rest: string[], command: string): string {
  if (rest.length === 0)
    throw new UsageError(`${command} needs a question in quotes, e.g. advisor ${command} "EAC mark"`);
  return rest.join(' ');
}

function parseLang(v: string | undefined): Lang | undefined {
  if (v === undefined) return undefined;
  if (!(LANGS as readonly string[]).includes(v)) throw new UsageError('--lang must be zh, ru or en');
  return v as Lang;
}

function reportError(err: unknown, stream: NodeJS.WritableStream, log: Logger | undefined): number {
  if (err instanceof ConfigError) {
    stream.write(`${err.message}\n`);
    return 2;
  }
  const e = err as Error & { code?: string };
  if (err instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
    stream.write(`advisor: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  stream.write(`advisor: ${scrubSecrets(e.message ?? String(err))}\n`);
  log?.debug({ err }, 'command failed');
  return 1;
}

// Run when executed directly (tsx src/cli.ts or bin/advisor.js), not when imported by tests.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`advisor: ${scrubSecrets(String((err as Error)?.message ?? err))}\n`);
      process.exitCode = 1;
    },
  );
}
