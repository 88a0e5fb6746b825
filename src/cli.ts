// `advisor`: parses the command line and runs one command, loading only the modules that command
// needs (`--help`, `lint` and `route` never open the database). One error boundary: a usage
// mistake prints one line and a hint (exit 2), a wrong setting names the variable (exit 2), a
// failure prints one readable sentence (exit 1); stack traces only with LOG_LEVEL=debug.
import { ConfigError, loadConfig, localeLang, type Config } from './config.js';
import type { Lang } from './domain/lang.js';
import { cliText, type CliCommand } from './i18n/cli-texts.js';
import type { Runtime } from './main.js';
import type { Logger } from './observability/logger.js';
import type { CliIo, Command, CommandContext } from './cli/command-context.js';
import { parseLangOption } from './cli/command-context.js';
import { commandHelp, globalHelp } from './cli/help-text.js';
import { parseCommandLine } from './cli/parse-command-line.js';
import { UsageError } from './cli/usage-error.js';

export type { CliIo } from './cli/command-context.js';

const COMMANDS: Record<Exclude<CliCommand, 'lint'>, () => Promise<Command>> = {
  serve: async () => (await import('./cli/serve-command.js')).serveCommand,
  worker: async () => (await import('./cli/worker-command.js')).workerCommand,
  ingest: async () => (await import('./cli/ingest-command.js')).ingestCommand,
  search: async () => (await import('./cli/search-command.js')).searchCommand,
  ask: async () => (await import('./cli/ask-command.js')).askCommand,
  chat: async () => (await import('./cli/chat-command.js')).chatCommand,
  eval: async () => (await import('./cli/eval-command.js')).evalCommand,
  credit: async () => (await import('./cli/credit-command.js')).creditCommand,
  route: async () => (await import('./cli/route-command.js')).routeCommand,
  tickets: async () => (await import('./cli/tickets-command.js')).ticketsCommand,
  'staff-link': async () => (await import('./cli/staff-link-command.js')).staffLinkCommand,
  changes: async () => (await import('./cli/changes-command.js')).changesCommand,
  watch: async () => (await import('./cli/watch-command.js')).watchCommand,
};

export async function runCli(
  argv: string[],
  io: CliIo = { out: process.stdout, err: process.stderr },
): Promise<number> {
  let lang: Lang = localeLang();
  let log: Logger | undefined;
  let runtime: Promise<Runtime> | undefined;
  try {
    const line = parseCommandLine(argv, lang);
    if (line.kind === 'help') {
      io.out.write(`${line.command ? commandHelp(line.command, lang) : globalHelp(lang)}\n`);
      return line.exitCode;
    }
    const { command, options, args } = line;
    // An explicit --lang is the user's language for everything the command prints.
    lang = parseLangOption(options.lang, lang, command) ?? lang;
    if (command === 'lint') {
      const { lintCommand } = await import('./cli/lint-command.js');
      return lintCommand(args[0] ?? 'knowledge', io.out, lang);
    }
    const config: Config = loadConfig();
    const { createLogger } = await import('./observability/logger.js');
    log = createLogger(command === 'serve' ? config.logLevel : config.cliLogLevel);
    const logger = log;
    const ctx: CommandContext = {
      command,
      config,
      log: logger,
      lang,
      options,
      args,
      io,
      print: (v) => io.out.write(`${typeof v === 'string' ? v : JSON.stringify(v, null, 2)}\n`),
      runtime: (opts = {}) =>
        (runtime ??= (async () => {
          // The embedded database takes about a second to start in its worker thread: a command
          // that wants it at once starts it before loading the rest of the program.
          const { openDbLazily } = await import('./store/open-db.js');
          const db = openDbLazily({ databaseUrl: config.database.url, dataDir: config.dataDir });
          if (opts.openDbNow)
            db.query('SELECT 1').then(
              () => logger.debug({ ms: Math.round(performance.now()) }, 'database open'),
              () => undefined,
            );
          const { createRuntime } = await import('./main.js');
          return createRuntime(config, logger, { ...opts, openDbNow: false, db });
        })()),
    };
    const run = await COMMANDS[command]();
    return await run(ctx);
  } catch (err) {
    return await reportError(err, io.err, log, lang);
  } finally {
    // A runtime that failed to start has nothing to close.
    const rt = await runtime?.catch(() => undefined);
    await rt?.close();
  }
}

async function reportError(
  err: unknown,
  stream: NodeJS.WritableStream,
  log: Logger | undefined,
  lang: Lang,
): Promise<number> {
  if (err instanceof ConfigError) {
    stream.write(`${err.message}\n`);
    return 2;
  }
  if (err instanceof UsageError) {
    stream.write(`advisor: ${err.message}\n${cliText(lang).hint(err.command)}\n`);
    return 2;
  }
  const e = err as Error;
  const { scrubSecrets } = await import('./observability/logger.js');
  stream.write(`advisor: ${scrubSecrets(e?.message ?? String(err))}\n`);
  log?.debug({ err }, 'command failed');
  return 1;
}

// Run when executed directly (`tsx src/cli.ts …` in development); bin/advisor.js imports runCli.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
