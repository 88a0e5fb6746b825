// The tests StrykerJS runs against each mutant (`npm run test:mutation`): the fast unit and property
// tests of the modules it mutates, none that start servers or the real program.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/assistant/{grounding,citations,figure-guard,output-guards,injection}.test.ts',
      'src/jobs/outbox-worker.test.ts',
      'src/store/{outbox,update-ledger}.test.ts',
      'src/bots/slack/{slack-outbox-senders,slack-http-guard,slack-payload-guard,slack-dedupe}.test.ts',
      'src/bots/telegram/{telegram-outbox-sender,telegram-webhook,telegram-update-guard,telegram-dedupe}.test.ts',
      'src/tools/credit/risk-signals.test.ts',
      'test/routes-planner.test.ts',
    ],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
