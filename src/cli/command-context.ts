// What every command gets: configuration, the user's language, its options and arguments, output,
// and the runtime (database, knowledge, assistant) created only if the command asks for it.
import type { Config } from '../config.js';
import type { Lang } from '../domain/lang.js';
import { LANGS } from '../domain/lang.js';
import { cliText, type CliCommand } from '../i18n/cli-texts.js';
import type { Runtime, RuntimeOptions } from '../main.js';
import type { Logger } from '../observability/logger.js';
import type { OptionValues } from './parse-command-line.js';
import { UsageError } from './usage-error.js';

export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & { isTTY?: boolean };
  in?: NodeJS.ReadableStream;
}

export interface CommandContext {
  command: CliCommand;
  config: Config;
  log: Logger;
  /** The language to speak when nothing typed says otherwise: --lang, else the locale. */
  lang: Lang;
  options: OptionValues;
  args: string[];
  io: CliIo;
  /** Prints a string as is, anything else as indented JSON. */
  print(value: unknown): void;
  runtime(opts?: RuntimeOptions): Promise<Runtime>;
}

export type Command = (ctx: CommandContext) => Promise<number>;

export function parseLangOption(value: string | undefined, lang: Lang, command: CliCommand): Lang | undefined {
  if (value === undefined) return undefined;
  if (!(LANGS as readonly string[]).includes(value))
    throw new UsageError(cliText(lang).mustBe('--lang', 'zh, ru or en'), command);
  return value as Lang;
}

export function wholeNumberOption(
  value: string | undefined,
  option: string,
  ctx: Pick<CommandContext, 'lang' | 'command'>,
  range: { from: number; to?: number },
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < range.from || (range.to !== undefined && n > range.to)) {
    const w = cliText(ctx.lang);
    throw new UsageError(w.mustBe(option, w.wholeNumber(range.from, range.to)), ctx.command);
  }
  return n;
}

/** The words after the command as one text (a question, a company name), required. */
export function requiredText(ctx: CommandContext, which: 'search' | 'ask' | 'credit'): string {
  const text = ctx.args.join(' ');
  if (ctx.args.length === 0) throw new UsageError(cliText(ctx.lang).needsText[which], ctx.command);
  return text;
}

/** Commands that take no arguments say so instead of ignoring one. */
export function noArguments(ctx: CommandContext): void {
  const [extra] = ctx.args;
  if (extra !== undefined) throw new UsageError(cliText(ctx.lang).unexpected(extra, ctx.command), ctx.command);
}
