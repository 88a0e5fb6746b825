// Every [n] in an answer must point at a passage that was retrieved and shown to the model.
// Invalid markers are removed — from the stream as it arrives and from the final text.

export function citedNumbers(answer: string): number[] {
  const out = new Set<number>();
  for (const m of answer.matchAll(/\[(\d{1,3})\]/g)) out.add(Number(m[1]));
  return [...out];
}

export function removeInvalidCitations(
  answer: string,
  valid: ReadonlySet<number>,
): { text: string; removed: number[] } {
  const removed: number[] = [];
  const text = answer
    .replace(/\s?\[(\d{1,3})\]/g, (m, n: string) => {
      if (valid.has(Number(n))) return m;
      removed.push(Number(n));
      return '';
    })
    .replace(/[ \t]+([.,;:!?。，；：！？])/g, '$1');
  return { text, removed };
}

/**
 * Filters a stream of text deltas: a "[" is held back until its marker is complete, then passed on
 * or dropped. Call `flush()` at the end.
 */
export class CitationStreamFilter {
  private pending = '';

  constructor(
    private readonly valid: ReadonlySet<number>,
    private readonly emit: (text: string) => void,
  ) {}

  push(delta: string): void {
    let text = this.pending + delta;
    this.pending = '';
    let out = '';
    while (text.length) {
      const open = text.indexOf('[');
      if (open < 0) {
        out += text;
        break;
      }
      out += text.slice(0, open);
      const rest = text.slice(open);
      const m = /^\[(\d{1,3})\]/.exec(rest);
      if (m) {
        if (this.valid.has(Number(m[1]))) out += m[0];
        else out = out.replace(/[ \t]$/, '');
        text = rest.slice(m[0].length);
      } else if (/^\[\d{0,3}$/.test(rest)) {
        this.pending = rest; // may still become a marker
        break;
      } else {
        out += '[';
        text = rest.slice(1);
      }
    }
    if (out) this.emit(out);
  }

  flush(): void {
    if (this.pending) this.emit(this.pending);
    this.pending = '';
  }
}
