// Ingest progress and summary for a person, in their language: a redrawn bar on a terminal, one
// plain line per added, changed or failed file otherwise, and the summary at the end.
import type { Lang } from '../domain/lang.js';
import { cliText } from '../i18n/cli-texts.js';
import type { IngestProgress, IngestSummary } from '../rag/ingest.js';
import { progressReporter } from './progress.js';

export function progressPrinter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  lang: Lang = 'en',
): (p: IngestProgress) => void {
  const report = progressReporter(stream);
  const words = cliText(lang).ingestAction;
  return (p) =>
    report({
      done: p.done,
      total: p.total,
      label: stream.isTTY ? p.path : `${words[p.action]} ${p.path}`,
      line: p.action !== 'unchanged',
    });
}

export function formatSummary(s: IngestSummary, lang: Lang = 'en'): string {
  const w = cliText(lang);
  const lines = [
    w.ingestSummary({
      files: s.files,
      embedder: s.embedder,
      added: s.added.length,
      changed: s.changed.length,
      removed: s.removed.length,
      unchanged: s.unchanged,
      failed: s.failed.length,
      chunks: s.chunks,
    }),
  ];
  for (const p of s.removed) lines.push(`  ${w.ingestAction.removed} ${p}`);
  for (const f of s.failed) lines.push(`  ${w.ingestAction.failed} ${f.path}: ${f.error} (${w.keptPrevious})`);
  for (const w2 of s.warnings) lines.push(`  ${w.ingestAction.note} ${w2.path}: ${w2.warning}`);
  return lines.join('\n');
}
