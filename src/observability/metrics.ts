// Prometheus metrics through prom-client: our counters and histograms, gauges read at scrape time
// (outbox depth, ticket ages), and the client's default process metrics (CPU, memory, heap, GC,
// event-loop lag, open handles). One registry per runtime, so tests and replicas in one process
// never share series.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

type Labels = Record<string, string>;

const LATENCY = [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'advisor_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'status'],
    registers: [this.registry],
  });
  readonly answers = new Counter({
    name: 'advisor_answers_total',
    help: 'Answers by channel and mode',
    labelNames: ['channel', 'mode'],
    registers: [this.registry],
  });
  readonly answerSeconds = new Histogram({
    name: 'advisor_answer_seconds',
    help: 'Time to a complete answer',
    labelNames: ['channel'],
    buckets: LATENCY,
    registers: [this.registry],
  });
  readonly llmSeconds = new Histogram({
    name: 'advisor_llm_seconds',
    help: 'Language model call latency',
    buckets: LATENCY,
    registers: [this.registry],
  });
  readonly llmErrors = new Counter({
    name: 'advisor_llm_errors_total',
    help: 'Language model failures',
    registers: [this.registry],
  });
  readonly toolSeconds = new Histogram({
    name: 'advisor_tool_seconds',
    help: 'Tool call latency by tool',
    labelNames: ['tool'],
    buckets: LATENCY,
    registers: [this.registry],
  });
  readonly toolErrors = new Counter({
    name: 'advisor_tool_errors_total',
    help: 'Tool failures by tool',
    labelNames: ['tool'],
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
  }

  /** A gauge whose value is read when Prometheus scrapes (a database count, an age). */
  gauge(
    name: string,
    help: string,
    read: () => Promise<Array<{ labels?: Labels; value: number }>>,
    labelNames: string[] = [],
  ): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        // A failing read (the database is away) leaves the gauge empty rather than failing the scrape.
        const rows = await read().catch(() => []);
        for (const row of rows) this.set(row.labels ?? {}, row.value);
      },
    });
  }

  contentType(): string {
    return this.registry.contentType;
  }

  async render(): Promise<string> {
    return this.registry.metrics();
  }
}
