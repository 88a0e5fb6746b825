// Starts the real runtime and HTTP server on a free port, as `npm start` does.
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { serve, type Serving } from '../../src/http/serve.js';
import { createLogger } from '../../src/observability/logger.js';
import { createRuntime, type Runtime } from '../../src/main.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A log destination that keeps every line (pino JSON) for assertions. */
export function logRecorder(): { stream: Writable; lines: LogLine[] } {
  const lines: LogLine[] = [];
  let rest = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      const text = rest + chunk.toString('utf8');
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) if (p.trim()) lines.push(JSON.parse(p) as LogLine);
      done();
    },
  });
  return { stream, lines };
}

export async function startApp(
  env: Record<string, string>,
  opts: { logTo?: Writable } = {},
): Promise<{ rt: Runtime; serving: Serving; url: string; stop: () => Promise<void> }> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  const log = createLogger(config.logLevel, opts.logTo);
  const rt = await createRuntime(config, log);
  const serving = await serve(rt, log);
  return {
    rt,
    serving,
    url: serving.localUrl,
    stop: async () => {
      await serving.close();
      await rt.close();
    },
  };
}
