// Ingest progress for a person: a redrawn bar on a terminal, one plain line per file otherwise
// (CI logs, pipes), and the summary at the end.
import type { IngestProgress, IngestSummary } from '../rag/ingest.js';

export function progressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean }): (p: IngestProgress) => void {
  if (stream.isTTY) {
    const width = 28;
    return (p) => {
      const filled = Math.round((p.done / Math.max(1, p.total)) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const name = p.path.length > 40 ? `…${p.path.slice(-39)}` : p.path;
      stream.write(`\r${bar} ${p.done}/${p.total} ${name.padEnd(40)}`);
      if (p.done === p.total) stream.write('\n');
    };
  }
  return (p) => {
    if (p.action !== 'unchanged') stream.write(`[${p.done}/${p.total}] ${p.action} ${p.path}\n`);
  };
}

export function formatSummary(s: IngestSummary): string {
  const lines = [
    `Ingested ${s.files} files with ${s.embedder}: ${s.added.length} added, ${s.changed.length} changed, ` +
      `${s.removed.length} removed, ${s.unchanged} unchanged, ${s.failed.length} failed (${s.chunks} chunks embedded).`,
  ];
  for (const p of s.removed) lines.push(`  removed ${p}`);
  for (const f of s.failed)
    lines.push(`  FAILED ${f.path}: ${f.error} (the previously ingested version, if any, is kept)`);
  for (const w of s.warnings) lines.push(`  note ${w.path}: ${w.warning}`);
  return lines.join('\n');
}
