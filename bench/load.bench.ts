// `npm run bench:load [-- --users 20 | --rate 200] [--turns 1000 --warmup 300 --llm-delay 0 --database-url U --profile dir]`: the real program (`advisor serve`,
// Telegram webhook mode, embedded PGlite) against the fake Bot API and a fake LLM answering after a
// fixed delay. Prints throughput, turn latency p50/p95/p99 (webhook POST until the reply was sent),
// errors and the program's peak memory. Asserts nothing.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { writeReport } from '../src/evals/report-file.js';
import { percentile } from '../src/rag/retrieval-metrics.js';
import { startFakeOpenAi } from '../test/support/fake-openai.js';
import { startFakeTelegram, textUpdate } from '../test/support/fake-telegram.js';
import { makeKnowledgeDir, tempDir } from '../test/support/knowledge-fixture.js';
import { startProgram } from '../test/support/program.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '20' },
    turns: { type: 'string', default: '1000' },
    'llm-delay': { type: 'string', default: '0' },
    rate: { type: 'string', default: '0' },
    warmup: { type: 'string', default: '300' },
    'database-url': { type: 'string' },
    profile: { type: 'string' },
  },
});
const users = Number(values.users);
const turns = Number(values.turns);
const delayMs = Number(values['llm-delay']);
const rate = Number(values.rate);
const warmup = Number(values.warmup);

// node:http on a keep-alive agent rather than fetch: the load generator shares the two cores with
// the program, and fetch costs it about twice the CPU per request.
const agent = new Agent({ keepAlive: true });
const tg = await startFakeTelegram();
const llm = await startFakeOpenAi((b) =>
  b.response_format
    ? { content: '{"standalone":"-"}', delayMs }
    : { content: 'Колею меняют на переходах Алашанькоу — Достык и Хоргос — Алтынколь [1].', delayMs },
);
const knowledge = await makeKnowledgeDir({ binaries: false });
const data = tempDir('load');
const secret = 'load-secret';
const program = await startProgram(
  {
    KNOWLEDGE_DIR: knowledge.path,
    DATA_DIR: data.path,
    LOG_LEVEL: 'error',
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    TELEGRAM_WEBHOOK_URL: 'https://advisor.example.org/telegram/webhook',
    TELEGRAM_WEBHOOK_SECRET: secret,
    LLM_BASE_URL: llm.url,
    LLM_MODEL: 'fake',
    // --database-url: PostgreSQL instead of the embedded PGlite (the scale path); use an empty database.
    ...(values['database-url'] ? { DATABASE_URL: values['database-url'] } : {}),
    // --profile <dir>: the program writes a V8 CPU profile there on exit (open it in Chrome DevTools).
  },
  values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [],
);
/** The program's memory in MB from /proc: VmHWM (peak) or VmRSS (now). */
const memory = (field: 'VmHWM' | 'VmRSS') => {
  try {
    return Math.round(
      Number(
        new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${program.child.pid}/status`, 'utf8'))?.[1] ?? 0,
      ) / 1024,
    );
  } catch {
    return 0;
  }
};

const questions = [
  'Где меняют колею на границе с Казахстаном?',
  'Сколько занимает смена колеи?',
  'Кто может быть заявителем EAC?',
  'What does the EAC mark mean?',
  '换轨需要多长时间？',
];
// Update and user ids unique to this run, so a reused database neither deduplicates the updates nor
// hands the users an earlier run's conversation.
const runBase = Date.now() * 1000;
const latencies: number[] = [];
let errors = 0;
// Warm-up outside the measurement, 4 at a time: the first seconds after start run unoptimised code
// (JIT) and would otherwise dominate the tail of a short run. Reported separately.
const warmStarted = performance.now();
let warmNext = 0;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (warmNext < warmup) {
      const i = warmNext++;
      await post(runBase + turns + i, questions[i % questions.length]!);
    }
  }),
);
const warmSeconds = (performance.now() - warmStarted) / 1000;
const started = performance.now();
const cpuBefore = { program: programCpuMs(), bench: process.cpuUsage() };
if (rate > 0) {
  // Open loop: a new user's question every 1/rate s whether or not earlier turns finished, as real
  // traffic arrives. Latency counts from the scheduled moment, so a stalled program cannot hide
  // its backlog (no coordinated omission).
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < turns; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      post(runBase + n, questions[n % questions.length]!).then((ok) => {
        latencies.push(performance.now() - due);
        if (!ok) errors++;
      }),
    );
  }
  await Promise.all(inFlight);
} else {
  // Closed loop: `users` clients, each sending its next turn when the previous one was answered.
  let next = 0;
  await Promise.all(
    Array.from({ length: users }, async () => {
      for (;;) {
        const n = next++;
        if (n >= turns) return;
        const t = performance.now();
        const ok = await post(runBase + n, questions[n % questions.length]!); // one user per turn: the per-user rate limit stays out of the figures
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
}
const seconds = (performance.now() - started) / 1000;
const benchCpu = process.cpuUsage(cpuBefore.bench);
const cpu = { program: programCpuMs() - cpuBefore.program, bench: (benchCpu.user + benchCpu.system) / 1000 };
const mode = rate > 0 ? `open loop at ${rate} turns/s offered` : `${users} concurrent users (closed loop)`;
const mem = { peak: memory('VmHWM'), now: memory('VmRSS') };
const lines = [
  `warm-up: ${warmup} turns in ${warmSeconds.toFixed(1)} s (not measured)`,
  `load: ${turns} turns, ${mode}, fake LLM delay ${delayMs} ms, webhook mode, ${values['database-url'] ? 'PostgreSQL' : 'PGlite'}, node ${process.version}`,
  `  throughput ${(turns / seconds).toFixed(1)} turns/s · latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms · errors ${errors} · program memory peak ${mem.peak} MB (a fresh PGlite directory's initdb included), after the run ${mem.now} MB`,
  // Model calls per turn: 2 (rewrite + answer) unless something retried.
  `  model requests per turn ${(llm.requests.length / (turns + warmup)).toFixed(2)}, Bot API calls per turn ${(tg.calls.length / (turns + warmup)).toFixed(2)}`,
  // Where the two cores went: the program under test, and this process (client + fake Bot API + fake LLM).
  `  CPU per turn: program ${(cpu.program / turns).toFixed(2)} ms, load generator and fakes ${(cpu.bench / turns).toFixed(2)} ms`,
];
for (const l of lines) console.log(l);
const report = writeReport(
  'load',
  {
    turns,
    users: rate > 0 ? undefined : users,
    rate: rate || undefined,
    delayMs,
    engine: values['database-url'] ? 'postgres' : 'pglite',
    lines,
  },
  ['```', ...lines, '```'],
);
console.log(`report: ${report}.md`);
await program.stop();
await tg.close();
await llm.close();
knowledge.remove();
data.remove();

function programCpuMs(): number {
  try {
    // /proc/<pid>/stat fields 14 and 15: user and system time in clock ticks (100 per second here).
    const f = readFileSync(`/proc/${program.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

function post(userId: number, text: string): Promise<boolean> {
  const body = JSON.stringify(textUpdate(text, { userId, updateId: userId }));
  return new Promise((resolve) => {
    const req = request(
      `${program.url}/telegram/webhook`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-telegram-bot-api-secret-token': secret,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
        res.on('error', () => resolve(false));
      },
    );
    req.on('error', () => resolve(false));
    req.end(body);
  });
}
