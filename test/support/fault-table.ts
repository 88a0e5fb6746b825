// The fault campaign's ledger: for each fault, the messages that had to arrive and what the fakes
// recorded — sent (arrived at least once), doubled (extra copies), lost (never arrived).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FaultRow {
  fault: string;
  expected: number;
  sent: number;
  doubled: number;
  lost: number;
}

/** Counts deliveries (one entry per copy that arrived) against the messages expected. */
export function tally(fault: string, expected: readonly string[], delivered: readonly string[]): FaultRow {
  const copies = new Map<string, number>();
  for (const d of delivered) copies.set(d, (copies.get(d) ?? 0) + 1);
  const sent = expected.filter((e) => (copies.get(e) ?? 0) > 0).length;
  const doubled = expected.reduce((a, e) => a + Math.max(0, (copies.get(e) ?? 0) - 1), 0);
  return { fault, expected: expected.length, sent, doubled, lost: expected.length - sent };
}

export function faultTableMarkdown(rows: readonly FaultRow[]): string {
  return [
    '| fault | expected | sent | doubled | lost |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.fault} | ${r.expected} | ${r.sent} | ${r.doubled} | ${r.lost} |`),
  ].join('\n');
}

/** Prints the table and keeps a copy under evals/reports/ (not committed). */
export function reportFaultTable(rows: readonly FaultRow[]): void {
  if (!rows.length) return;
  const md = faultTableMarkdown(rows);
  console.log(`\n${md}\n`);
  const dir = join(import.meta.dirname, '../../evals/reports');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `fault-campaign-${new Date().toISOString().replace(/[:.]/g, '-')}.md`), `${md}\n`);
}
