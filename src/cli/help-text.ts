// `advisor --help` (the commands, one line each) and `advisor <command> --help` (its synopsis and
// options), in the user's language. The synopses are the command line itself and stay as typed.
import type { Lang } from '../domain/lang.js';
import { CLI_COMMANDS, cliText, type CliCommand, type CliOption } from '../i18n/cli-texts.js';
import { COMMAND_OPTIONS } from './parse-command-line.js';

export const SYNOPSES: Record<CliCommand, readonly string[]> = {
  serve: [''],
  worker: [''],
  ingest: ['[--json]'],
  search: ['"<question>" [--k 5] [--lang zh|ru|en] [--category C] [--country KZ] [--json]'],
  ask: ['"<question>" [--lang zh|ru|en] [--json]'],
  chat: ['[--lang zh|ru|en]'],
  eval: [
    'retrieval --corpus C.jsonl --queries Q.jsonl [--mode hybrid|lexical|vector] [--json]',
    '--suite retrieval|safety|answers [--facts F.jsonl] [--limit N]',
    '--suite extractive --corpus C.jsonl --queries Q.jsonl [--json]',
  ],
  credit: ['"<company>" [--country KZ] [--pick N] [--lang zh|ru|en] [--json]'],
  route: [
    '--from <place> --to <place> [--via <place>] [--cargo 40ft|20ft|lcl|reefer|dg] [--lang zh|ru|en] [--png FILE] [--json]',
    '<from> <to> [options]   (the same, the two places without --from and --to)',
  ],
  tickets: ['[--json]'],
  lint: ['[dir]'],
  'staff-link': ['<slack-user-id> [--json]'],
  changes: ['[--since YYYY-MM-DD] [--json]'],
  watch: ['import <file.csv|file.json|url> [--json]'],
};

const VALUE: Partial<Record<CliOption, string>> = {
  k: 'N',
  lang: 'zh|ru|en',
  category: 'C',
  country: 'XX',
  corpus: 'FILE',
  queries: 'FILE',
  mode: 'M',
  suite: 'S',
  facts: 'FILE',
  limit: 'N',
  pick: 'N',
  from: 'PLACE',
  to: 'PLACE',
  via: 'PLACE',
  cargo: 'C',
  png: 'FILE',
  since: 'YYYY-MM-DD',
};

export function globalHelp(lang: Lang): string {
  const w = cliText(lang);
  const width = Math.max(...CLI_COMMANDS.map((c) => c.length)) + 4;
  return [w.usage, '', ...CLI_COMMANDS.map((c) => `  ${c.padEnd(width)}${w.commands[c]}`), '', ...w.footer].join('\n');
}

export function commandHelp(command: CliCommand, lang: Lang): string {
  const w = cliText(lang);
  const options: CliOption[] = [...COMMAND_OPTIONS[command], 'help'];
  const label = (o: CliOption) => `${o === 'help' ? '-h, ' : ''}--${o}${VALUE[o] ? ` ${VALUE[o]}` : ''}`;
  const width = Math.max(...options.map((o) => label(o).length)) + 3;
  const usage = w.usage.replace(/advisor .*$/, '');
  return [
    ...SYNOPSES[command].map((s) => `${usage}advisor ${command}${s ? ` ${s}` : ''}`),
    '',
    w.commands[command],
    '',
    w.optionsTitle,
    ...options.map((o) => `  ${label(o).padEnd(width)}${w.options[`${command}.${o}`] ?? w.options[o]}`),
  ].join('\n');
}
