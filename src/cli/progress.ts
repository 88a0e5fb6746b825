// Progress of long work for a person: one redrawn line on a terminal, plain lines otherwise (CI
// logs, pipes), where only the steps worth a line are printed.
export interface ProgressStep {
  done: number;
  total: number;
  label: string;
  /** Off a terminal, print a line for this step (the bar shows every step). */
  line?: boolean;
}

export function progressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }): (s: ProgressStep) => void {
  if (stream.isTTY) {
    const width = 28;
    return (s) => {
      const filled = Math.round((s.done / Math.max(1, s.total)) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const label = s.label.length > 48 ? `…${s.label.slice(-47)}` : s.label;
      stream.write(`\r${bar} ${s.done}/${s.total} ${label.padEnd(48)}`);
      if (s.done === s.total) stream.write('\n');
    };
  }
  return (s) => {
    if (s.line !== false) stream.write(`[${s.done}/${s.total}] ${s.label}\n`);
  };
}
