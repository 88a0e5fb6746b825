// The command line of `advisor`: the command first, then its options (`--k 5`, `--k=5`, `--json`,
// `-h`) and arguments in any order; `--` ends the options. Unknown commands and options are usage
// errors that name the nearest known ones.
import { cliText, CLI_COMMANDS, type CliCommand, type CliOption } from '../i18n/cli-texts.js';
import type { Lang } from '../domain/lang.js';
import { closest } from './suggest.js';
import { UsageError } from './usage-error.js';

const BOOLEAN: ReadonlySet<CliOption> = new Set(['json', 'help']);

/** Options each command takes (besides --help). */
export const COMMAND_OPTIONS: Record<CliCommand, readonly CliOption[]> = {
  serve: [],
  worker: [],
  ingest: ['json'],
  search: ['k', 'lang', 'category', 'country', 'json'],
  ask: ['lang', 'json'],
  chat: ['lang'],
  eval: ['corpus', 'queries', 'mode', 'suite', 'facts', 'limit', 'json'],
  credit: ['country', 'pick', 'lang', 'json'],
  route: ['from', 'to', 'via', 'cargo', 'lang', 'png', 'json'],
  tickets: ['json'],
  lint: [],
  'staff-link': ['json'],
  changes: ['since', 'lang', 'json'],
  watch: ['lang', 'json'],
};

const EXAMPLE: Partial<Record<CliOption, string>> = {
  k: '--k 5',
  lang: '--lang ru',
  category: '--category logistics',
  country: '--country KZ',
  corpus: '--corpus corpus.jsonl',
  queries: '--queries queries.jsonl',
  mode: '--mode lexical',
  suite: '--suite retrieval',
  facts: '--facts facts.jsonl',
  limit: '--limit 10',
  pick: '--pick 2',
  from: '--from Qingdao',
  to: '--to Almaty',
  via: '--via Khorgos',
  cargo: '--cargo 40ft',
  png: '--png map.png',
  since: '--since 2026-01-01',
};

export type OptionValues = Partial<Record<Exclude<CliOption, 'json' | 'help'>, string>> & {
  json?: boolean;
  help?: boolean;
};

export type CommandLine =
  | { kind: 'help'; command?: CliCommand; exitCode: 0 | 2 }
  | { kind: 'run'; command: CliCommand; options: OptionValues; args: string[] };

export function parseCommandLine(argv: readonly string[], lang: Lang): CommandLine {
  const words = cliText(lang);
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'help', exitCode: 2 };
  if (first === '-h' || first === '--help') return { kind: 'help', exitCode: 0 };
  if (first === 'help') {
    const about = rest[0];
    if (about === undefined) return { kind: 'help', exitCode: 0 };
    return { kind: 'help', command: knownCommand(about, lang), exitCode: 0 };
  }
  // Options come after the command they belong to.
  if (first.startsWith('-')) throw new UsageError(words.usage);
  const command = knownCommand(first, lang);
  const allowed = COMMAND_OPTIONS[command];
  const options: OptionValues = {};
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (token === '--') {
      args.push(...rest.slice(i + 1));
      break;
    }
    if (token === '-h' || token === '--help') {
      options.help = true;
      continue;
    }
    if (!token.startsWith('-') || token === '-' || /^-\d/.test(token)) {
      args.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = (eq > 0 ? token.slice(0, eq) : token).replace(/^--?/, '');
    const option = allowed.find((o) => o === name);
    if (!option) {
      const near = closest(name, [...allowed, 'help']).map((o) => `--${o}`);
      const message = words.unknownOption(eq > 0 ? token.slice(0, eq) : token, command);
      throw new UsageError(near.length ? words.didYouMean(message, near) : message, command);
    }
    if (BOOLEAN.has(option)) {
      if (eq > 0) throw new UsageError(words.unexpected(token, command), command);
      options[option as 'json'] = true;
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = token.slice(eq + 1);
    else if (i + 1 < rest.length && !rest[i + 1]!.startsWith('--')) value = rest[++i];
    if (value === undefined || value === '')
      throw new UsageError(words.missingValue(`--${option}`, EXAMPLE[option] ?? `--${option} …`), command);
    (options as Record<string, string>)[option] = value;
  }
  if (options.help) return { kind: 'help', command, exitCode: 0 };
  return { kind: 'run', command, options, args };
}

function knownCommand(name: string, lang: Lang): CliCommand {
  const found = CLI_COMMANDS.find((c) => c === name);
  if (found) return found;
  const words = cliText(lang);
  const near = closest(name, CLI_COMMANDS);
  const message = words.unknownCommand(name);
  throw new UsageError(near.length ? words.didYouMean(message, near) : message);
}
