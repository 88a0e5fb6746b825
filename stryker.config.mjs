// Mutation testing (StrykerJS) of the modules where a silent bug costs most: `npm run test:mutation`
// runs them all (long on two cores; not part of npm test). One module: `npm run test:mutation --
// --mutate src/assistant/grounding.ts`. The report: reports/mutation/ (html, json);
// docs/mutation-report.md keeps the scores and why each surviving mutant is equivalent.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // 'perTest' attributed each mutant to the first tests of a file only (seen on figure-guard.ts: a mutant
  // the fourth test kills survived); 'all' with vitest's related-file selection runs every test of the
  // mutated module's files for each mutant.
  coverageAnalysis: 'all',
  mutate: [
    // grounding and citations, figure and output guards, injection hygiene
    'src/assistant/grounding.ts',
    'src/assistant/citations.ts',
    'src/assistant/figure-guard.ts',
    'src/assistant/output-guards.ts',
    'src/assistant/injection.ts',
    // the outbox and its senders
    'src/jobs/outbox-worker.ts',
    'src/store/outbox.ts',
    'src/bots/slack/slack-outbox-senders.ts',
    'src/bots/telegram/telegram-outbox-sender.ts',
    // update and event de-duplication
    'src/store/update-ledger.ts',
    'src/bots/slack/slack-dedupe.ts',
    'src/bots/slack/ack-if-any.ts',
    'src/bots/telegram/telegram-dedupe.ts',
    // signature and secret checks, and the guards in front of the handlers
    'src/bots/slack/slack-http-guard.ts',
    'src/bots/slack/slack-payload-kind.ts',
    'src/bots/telegram/telegram-webhook.ts',
    'src/bots/telegram/telegram-update-guard.ts',
    'src/bots/slack/slack-payload-guard.ts',
    // the route planner's constraints
    'src/tools/routes/planner.ts',
    // the credit risk signals
    'src/tools/credit/risk-signals.ts',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Re-runs test only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 60_000,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['data', 'reports', 'evals/reports', 'dist'],
};
