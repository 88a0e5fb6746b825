// Fuzz: the argument parsers people and chat messages reach — the `advisor` command line (in-process
// and, a few times per run, the real executable), "/credit <company> [CC]" and "/route <from> <to>
// [cargo]" followed by the route plan. Whatever the input: a result of the documented shape or the
// documented refusal, never another exception, and within a time bound.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_OPTIONS, parseCommandLine } from '../../src/cli/parse-command-line.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { CLI_COMMANDS, CLI_OPTIONS } from '../../src/i18n/cli-texts.js';
import { LANGS } from '../../src/domain/lang.js';
import { parseCreditArgs } from '../../src/tools/credit/parse-credit-args.js';
import { loadNetwork } from '../../src/tools/routes/network-schema.js';
import { PlaceNotFoundError, planRoutes } from '../../src/tools/routes/plan-routes.js';
import { parseRouteArgs } from '../../src/tools/routes/route-service.js';
import { runAdvisor } from '../support/run-cli.js';
import { anyText, fuzzOptions, fuzzTimeout, timed, hangBound } from './fuzz-options.js';

const FLAGS = CLI_OPTIONS.flatMap((o) => [`--${o}`, `--${o}=`]);
const argWord = fc.oneof(
  fc.constantFrom(...CLI_COMMANDS, 'help', 'retrieval', ...FLAGS, '-h', '--', '-', '--no-json', '-x'),
  fc.constantFrom(...LANGS, '0', '-1', '1', '5', '100', '101', '1e3', ' 7 ', 'NaN', 'Infinity'),
  anyText(40),
  fc.tuple(fc.constantFrom(...FLAGS), anyText(20)).map(([f, v]) => `${f.replace(/=$/, '')}=${v}`),
);

describe('fuzz: argument parsers', () => {
  it('advisor command line: a checked command or a UsageError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(argWord, { maxLength: 8 }), async (argv) => {
        const { value, ms } = await timed(() => {
          try {
            return parseCommandLine(argv, 'en');
          } catch (err) {
            if (err instanceof UsageError) return err;
            throw err;
          }
        });
        expect(ms).toBeLessThan(hangBound(200));
        if (value instanceof UsageError) {
          expect(value.message.length).toBeLessThan(500);
          return;
        }
        if (value.kind === 'help') {
          expect([0, 2]).toContain(value.exitCode);
          if (value.command !== undefined) expect(CLI_COMMANDS).toContain(value.command);
          return;
        }
        expect(CLI_COMMANDS).toContain(value.command);
        // Only the options this command takes, each with a non-empty value unless it is a flag.
        for (const [name, v] of Object.entries(value.options)) {
          if (name === 'help' || name === 'json') expect(v).toBe(true);
          else {
            expect(COMMAND_OPTIONS[value.command]).toContain(name);
            expect(typeof v === 'string' && v.length > 0).toBe(true);
          }
        }
        for (const a of value.args) expect(typeof a).toBe('string');
      }),
      fuzzOptions('advisor command line', 500),
    );
  });

  it(
    'the real advisor executable refuses a bad command line with exit 2, the usage and no stack trace',
    async () => {
      // Only lines the parser refuses: the executable must stop before opening anything.
      // An operating system cannot pass a NUL byte in an argument: those lines are not sendable.
      const refused = fc.array(argWord, { minLength: 1, maxLength: 6 }).filter((argv) => {
        if (argv.some((a) => a.includes('\u0000'))) return false;
        try {
          parseCommandLine(argv, 'en');
          return false;
        } catch {
          return true;
        }
      });
      await fc.assert(
        fc.asyncProperty(refused, async (argv) => {
          const r = await runAdvisor(argv, { DATA_DIR: '/nonexistent/never-created' });
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(/^advisor: /);
          expect(r.stderr).toMatch(/advisor (\S+ )?--help\n$/);
          expect(r.stderr).not.toMatch(/\n\s+at /);
        }),
        fuzzOptions('advisor executable', 4),
      );
    },
    fuzzTimeout(120_000),
  );

  it('/credit <company> [CC]: a name and an optional ISO-like country, never a throw', async () => {
    await fc.assert(
      fc.property(
        fc.oneof(
          anyText(300),
          fc
            .tuple(anyText(60), fc.constantFrom('KZ', 'kz', 'uz', 'ЖК', '中国', 'K', 'KZZ', '12'))
            .map(([a, b]) => `${a} ${b}`),
        ),
        (text) => {
          const started = performance.now();
          const { name, country } = parseCreditArgs(text);
          expect(performance.now() - started).toBeLessThan(hangBound(100));
          expect(name.length > 0).toBe(text.trim().length > 0);
          if (country !== undefined) {
            expect(country).toMatch(/^[A-Z]{2}$/);
            expect(name.length).toBeGreaterThan(0);
          }
        },
      ),
      fuzzOptions('credit arguments', 1000),
    );
  });

  const net = loadNetwork(join(import.meta.dirname, '../../knowledge/logistics/network.yaml'));
  const places = net.nodes.flatMap((n) => [n.names.en, n.names.ru, n.names.zh, ...n.aliases]);
  const routeWord = fc.oneof(
    fc.constantFrom(...places),
    fc.constantFrom(
      '20ft',
      "40'",
      'lcl',
      'сборный',
      '拼箱',
      'reefer',
      'реф',
      '冷藏',
      'dg',
      'опасный',
      '危险品',
      '5t',
      '0t',
      '12.5t',
      '1e9t',
    ),
    fc.constantFrom('→', '->', 'to', 'до', 'из', '从', '到'),
    anyText(30),
  );

  it(
    '/route <from> <to> [cargo]: parsed places and constraints, then a plan or "unknown place", bounded',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.array(routeWord, { maxLength: 8 }).map((w) => w.join(' ')),
            anyText(500),
          ),
          async (text) => {
            const { value: args, ms } = await timed(() => parseRouteArgs(net, text));
            expect(ms).toBeLessThan(hangBound(300));
            if (!args) return;
            expect(args.from.length).toBeGreaterThan(0);
            expect(args.to.length).toBeGreaterThan(0);
            const c = args.constraints;
            if (c.container) expect(['20ft', '40ft', 'lcl']).toContain(c.container);
            if (c.weightT !== undefined) expect(Number.isFinite(c.weightT) && c.weightT >= 0).toBe(true);
            const planned = await timed(() => {
              try {
                return planRoutes(net, args.from, args.to, c);
              } catch (err) {
                if (err instanceof PlaceNotFoundError) return err;
                throw err;
              }
            });
            expect(planned.ms).toBeLessThan(hangBound(3000));
            if (planned.value instanceof PlaceNotFoundError) return;
            for (const o of planned.value.options) expect(o.legs.length).toBeGreaterThan(0);
          },
        ),
        fuzzOptions('route arguments and plan', 200),
      );
    },
    fuzzTimeout(120_000),
  );
});
