// Long work on a terminal redraws one bar; in a pipe or a CI log it prints plain lines, and only
// the steps worth a line.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressReporter } from './progress.js';

function capture(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

describe('progress', () => {
  it('redraws one line on a terminal and ends it when done', () => {
    const out = capture(true);
    const report = progressReporter(out.stream);
    report({ done: 1, total: 2, label: 'a.md', line: false });
    report({ done: 2, total: 2, label: 'b.md' });
    expect(out.text()).toMatch(/^\r█{14}░{14} 1\/2 a\.md\s*\r█{28} 2\/2 b\.md\s*\n$/);
  });

  it('prints plain lines elsewhere, skipping steps not worth a line', () => {
    const out = capture(false);
    const report = progressReporter(out.stream);
    report({ done: 1, total: 2, label: 'unchanged a.md', line: false });
    report({ done: 2, total: 2, label: 'added b.md' });
    expect(out.text()).toBe('[2/2] added b.md\n');
  });
});
