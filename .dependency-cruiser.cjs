// The layers of docs/architecture.md as rules. `npm run lint:deps` (part of `npm test`) fails on any
// violation and names the rule. Layers, top to bottom:
//   entry     src/cli.ts, src/cli/, src/main.ts, src/http/, src/jobs/, src/evals/
//   channels  src/bots/
//   assistant src/assistant/
//   services  src/tools/, src/tickets/, src/rag/, src/llm/, src/watch/
//   store     src/store/
// and the shared modules any layer may import: src/domain/ (Lang, Citation, answer shapes),
// src/observability/ (logger, metrics), src/i18n/ (message catalogues), src/http-kit/ (router, body
// reader), src/config.ts.
/** @type {import('dependency-cruiser').IConfiguration} */
const ENTRY = '^src/(cli\\.ts|cli/|main\\.ts|http/|jobs/|evals/)';
const CHANNELS = '^src/bots/';
const ASSISTANT = '^src/assistant/';
const SERVICES = '^src/(tools|tickets|rag|llm|watch)/';
const STORE = '^src/store/';
const SHARED = '^src/(domain|observability|i18n|http-kit)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules must not import each other, directly or through others.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'store-knows-nothing-above',
      severity: 'error',
      comment: 'Storage depends only on the shared modules.',
      from: { path: STORE },
      to: { path: `${ENTRY}|${CHANNELS}|${ASSISTANT}|${SERVICES}` },
    },
    {
      name: 'services-know-no-turn-or-channel',
      severity: 'error',
      comment: 'Tools, tickets, retrieval and the LLM client know no channel, no turn and no entry point.',
      from: { path: SERVICES },
      to: { path: `${ENTRY}|${CHANNELS}|${ASSISTANT}` },
    },
    {
      name: 'tools-stand-alone',
      severity: 'error',
      comment: 'A tool (credit, routes) depends on no other service module but retrieval types it is given.',
      from: { path: '^src/tools/' },
      to: { path: '^src/(tickets|llm)/' },
    },
    {
      name: 'assistant-knows-no-channel',
      severity: 'error',
      comment: 'The turn is channel-agnostic: no bot, no HTTP, no CLI.',
      from: { path: ASSISTANT },
      to: { path: `${ENTRY}|${CHANNELS}` },
    },
    {
      name: 'channels-below-entry',
      severity: 'error',
      comment: 'Channel adapters are wired by the entry points, never the other way round.',
      from: { path: CHANNELS },
      to: { path: ENTRY },
    },
    {
      name: 'channels-are-separate',
      severity: 'error',
      comment: 'One channel does not import another; what they share lives below them.',
      from: { path: '^src/bots/(telegram|slack|web)/' },
      to: { path: '^src/bots/(telegram|slack|web)/', pathNot: '^src/bots/$1/' },
    },
    {
      name: 'shared-is-a-leaf',
      severity: 'error',
      comment: 'Shared modules (domain types, observability, i18n) import only each other and config.',
      from: { path: SHARED },
      to: { path: '^src/', pathNot: `${SHARED}|^src/config\\.ts$` },
    },
    {
      name: 'config-is-a-leaf',
      severity: 'error',
      comment: 'src/config.ts parses the environment and imports nothing of ours but domain types.',
      from: { path: '^src/config\\.ts$' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      comment: 'Production code never imports tests or test support.',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '(^test/|\\.test\\.ts$)' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'Every import resolves.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The console's browser modules are not Node modules (they import /assets/vendor/… at run time).
    exclude: { path: '(^dist/|^node_modules/|^src/bots/(web|staff)/assets/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
