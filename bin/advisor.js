#!/usr/bin/env node
// The `advisor` command. Runs the compiled dist/ when it is the build of the src/ on disk (checked
// on every start in about 2 ms, scripts/dist-state.mjs); otherwise the TypeScript sources through
// tsx, so an edit is never run stale — only slower until `npm run build` (or the test setup) runs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distState } from '../scripts/dist-state.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let cli;
if (distState(root).fresh) cli = await import('../dist/cli.js');
else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
process.exitCode = await cli.runCli(process.argv.slice(2));
