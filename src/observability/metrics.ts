// Prometheus metrics in the text exposition format, without a client library: counters and
// histograms with labels, plus gauges read at scrape time (outbox depth, ticket ages).

type Labels = Record<string, string>;
const key = (l: Labels) => Object.entries(l).sort().map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',');

class Counter {
  private readonly values = new Map<string, number>();
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  render(): string {
    const lines = [...this.values].map(([k, v]) => `${this.name}${k ? `{${k}}` : ''} ${v}`);
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} counter\n${lines.join('\n')}`;
  }
}

class Histogram {
  private readonly series = new Map<string, { buckets: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly bounds: number[]) {}
  observe(seconds: number, labels: Labels = {}): void {
    const k = key(labels);
    const s = this.series.get(k) ?? { buckets: this.bounds.map(() => 0), sum: 0, count: 0 };
    this.bounds.forEach((b, i) => {
      if (seconds <= b) s.buckets[i]!++;
    });
    s.sum += seconds;
    s.count++;
    this.series.set(k, s);
  }
  render(): string {
    const lines: string[] = [];
    for (const [k, s] of this.series) {
      const sep = k ? `${k},` : '';
      this.bounds.forEach((b, i) => lines.push(`${this.name}_bucket{${sep}le="${b}"} ${s.buckets[i]}`));
      lines.push(`${this.name}_bucket{${sep}le="+Inf"} ${s.count}`, `${this.name}_sum${k ? `{${k}}` : ''} ${s.sum}`, `${this.name}_count${k ? `{${k}}` : ''} ${s.count}`);
    }
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} histogram\n${lines.join('\n')}`;
  }
}

const LATENCY = [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class Metrics {
  readonly httpRequests = new Counter('advisor_http_requests_total', 'HTTP requests by route and status');
  readonly answers = new Counter('advisor_answers_total', 'Answers by channel and mode');
  readonly answerSeconds = new Histogram('advisor_answer_seconds', 'Time to a complete answer', LATENCY);
  readonly llmSeconds = new Histogram('advisor_llm_seconds', 'Language model call latency', LATENCY);
  readonly llmErrors = new Counter('advisor_llm_errors_total', 'Language model failures');
  readonly toolSeconds = new Histogram('advisor_tool_seconds', 'Tool call latency by tool', LATENCY);
  readonly toolErrors = new Counter('advisor_tool_errors_total', 'Tool failures by tool');
  private readonly gauges: Array<() => Promise<string>> = [];

  gauge(name: string, help: string, read: () => Promise<Array<{ labels?: Labels; value: number }>>): void {
    this.gauges.push(async () => {
      const rows = await read();
      return `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${rows.map((r) => `${name}${r.labels && key(r.labels) ? `{${key(r.labels)}}` : ''} ${r.value}`).join('\n')}`;
    });
  }

  async render(): Promise<string> {
    const parts = [this.httpRequests, this.answers, this.answerSeconds, this.llmSeconds, this.llmErrors, this.toolSeconds, this.toolErrors].map((m) => m.render());
    for (const g of this.gauges) parts.push(await g().catch(() => ''));
    return `${parts.filter(Boolean).join('\n')}\n`;
  }
}
