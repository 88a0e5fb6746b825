// Starts the real runtime and HTTP server on a free port, as `npm start` does.
import { loadConfig } from '../../src/config.js';
import { serve, type Serving } from '../../src/http/serve.js';
import { createLogger } from '../../src/observability/logger.js';
import { createRuntime, type Runtime } from '../../src/main.js';

export async function startApp(
  env: Record<string, string>,
): Promise<{ rt: Runtime; serving: Serving; url: string; stop: () => Promise<void> }> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  const log = createLogger(config.logLevel);
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
