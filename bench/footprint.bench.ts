// `npm run bench:footprint [-- --runs 5 --ingest-runs 3 --questions 1000]`: what a user waits for and
// what the program holds, each figure beside `node -e 0` measured the same way. Every command runs
// as a person runs it (the `advisor` bin, `npm start`); wall time around the spawn, peak RSS from
// GNU time's %M (the kernel's high-water mark for the whole process, worker threads included);
// medians over several runs, a `node -e 0` sample taken before every sample so both see the same
// load. Prints figures and targets; asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { writeReport } from '../src/evals/report-file.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/advisor.js');
const KNOWLEDGE = join(ROOT, 'knowledge');
const GNU_TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'ingest-runs': { type: 'string', default: '3' },
    questions: { type: 'string', default: '1000' },
  },
});
const runs = Number(values.runs);
const ingestRuns = Number(values['ingest-runs']);
const questionCount = Number(values.questions);
const tty = process.stderr.isTTY === true;

interface Sample {
  wallMs: number;
  peakMb: number;
}

// One environment for every run: no model, no bots, the shipped knowledge, warnings only.
function env(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'warn',
    KNOWLEDGE_DIR: KNOWLEDGE,
    DATA_DIR: dataDir,
    ...extra,
  };
}

function progress(line: string): void {
  if (tty) process.stderr.write(`\r\x1b[2K${line}`);
  else process.stderr.write(`${line}\n`);
}

/** Runs `node <args>` under GNU time: wall time around the spawn, peak RSS of the process. */
async function timed(args: string[], environment: Record<string, string>): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'sco-bench-time-'));
  const out = join(dir, 'time');
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(GNU_TIME, ['-f', '%M', '-o', out, process.execPath, ...args], {
      env: environment,
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: ROOT,
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (c) => (c === 0 ? resolve(c) : reject(new Error(`node ${args.join(' ')} exited ${c}: ${err}`))));
  });
  const wallMs = performance.now() - started;
  const peakKb = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
  rmSync(dir, { recursive: true, force: true });
  void code;
  return { wallMs, peakMb: peakKb / 1024 };
}

const baseline: Sample[] = [];
async function nodeBaseline(): Promise<void> {
  baseline.push(await timed(['-e', '0'], env(tmpdir())));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function tempData(name: string): string {
  return mkdtempSync(join(tmpdir(), `sco-bench-${name}-`));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
function http(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<{ status: number; text: string } | undefined> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', () => resolve(undefined));
      },
    );
    req.on('error', () => resolve(undefined));
    req.end(payload);
  });
}

/** The server process itself: the `serve` process among `npm start`'s descendants. */
function serverPid(root: number): number | undefined {
  const children = (pid: number): number[] => {
    try {
      return readdirSync(`/proc/${pid}/task`).flatMap((t) =>
        readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
      );
    } catch {
      return [];
    }
  };
  const all: number[] = [];
  const walk = (pid: number) => {
    for (const c of children(pid)) {
      all.push(c);
      walk(c);
    }
  };
  walk(root);
  return all.reverse().find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('serve');
    } catch {
      return false;
    }
  });
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0) / 1024;
}

interface Started {
  readyMs: number;
  url: string;
  pid: number | undefined;
  stop: () => Promise<void>;
}

/** `npm start` as the README says, timed until GET /readyz answers 200. */
async function npmStart(dataDir: string): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: env(dataDir, { PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true, // its own process group, so npm, the shell and the server stop together
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`npm start exited before it was ready: ${err}`);
    const r = await http('GET', `${url}/readyz`);
    if (r?.status === 200) break;
    await new Promise((r2) => setTimeout(r2, 20));
  }
  const readyMs = performance.now() - started;
  return {
    readyMs,
    url,
    pid: serverPid(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}

const QUESTIONS = [
  'Нужен ли сертификат EAC на упаковочную машину?',
  'Где меняют колею на границе с Казахстаном?',
  'Сколько идёт поезд из Циндао до Алматы?',
  'Какие документы нужны для таможенного оформления?',
  '包装机出口俄罗斯需要EAC认证吗？',
  '中欧班列到阿拉木图要几天？',
  '上合示范区有哪些优惠政策？',
  '什么是AEO认证？',
  'What does the EAC mark mean?',
  'How long does the gauge change take at the border?',
  'Who can be the applicant for an EAC declaration?',
  'Which documents does a CMR shipment need?',
];

// --- the run ---------------------------------------------------------------------------------
if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is needed for peak memory`);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
if (pkg.scripts.build) {
  // The bin runs the compiled code only when dist/ matches src/; build so the figures are the shipped path.
  progress('building dist/ …');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
const loadBefore = loadavg();
const results: Array<{ name: string; samples: Sample[]; target: string; unit: 'wall' | 'both' }> = [];

// `advisor --help`
const help: Sample[] = [];
for (let i = 0; i < runs; i++) {
  progress(`advisor --help ${i + 1}/${runs}`);
  await nodeBaseline();
  help.push(await timed([BIN, '--help'], env(tmpdir())));
}
results.push({ name: 'advisor --help', samples: help, target: 'wall ≤ 5× node -e 0', unit: 'both' });

// `advisor ingest` of knowledge/ into an empty data directory; the last directory is kept for `ask`.
const ingest: Sample[] = [];
let ingested = '';
for (let i = 0; i < ingestRuns; i++) {
  progress(`advisor ingest (empty data dir) ${i + 1}/${ingestRuns}`);
  await nodeBaseline();
  const dir = tempData('ingest');
  ingest.push(await timed([BIN, 'ingest'], env(dir)));
  if (ingested) rmSync(ingested, { recursive: true, force: true });
  ingested = dir;
}
results.push({ name: 'advisor ingest (empty data dir)', samples: ingest, target: 'wall ≤ 8 s', unit: 'both' });

// `advisor ask`, retrieval-only, on the ingested directory.
const ask: Sample[] = [];
for (let i = 0; i < runs; i++) {
  progress(`advisor ask ${i + 1}/${runs}`);
  await nodeBaseline();
  ask.push(await timed([BIN, 'ask', QUESTIONS[i % QUESTIONS.length]!], env(ingested)));
}
results.push({
  name: 'advisor ask (retrieval-only)',
  samples: ask,
  target: 'wall ≤ 1.5 s, peak ≤ 250 MB',
  unit: 'both',
});

// `npm start` until /readyz: an empty data directory (first start ingests), then the ingested one.
const startEmpty: Sample[] = [];
for (let i = 0; i < ingestRuns; i++) {
  progress(`npm start → /readyz (empty data dir) ${i + 1}/${ingestRuns}`);
  await nodeBaseline();
  const dir = tempData('start');
  const s = await npmStart(dir);
  startEmpty.push({ wallMs: s.readyMs, peakMb: s.pid ? rssMb(s.pid, 'VmHWM') : NaN });
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
}
results.push({
  name: 'npm start → /readyz (empty data dir)',
  samples: startEmpty,
  target: 'wall ≤ 15 s',
  unit: 'both',
});
const startWarm: Sample[] = [];
for (let i = 0; i < runs; i++) {
  progress(`npm start → /readyz (ingested data dir) ${i + 1}/${runs}`);
  await nodeBaseline();
  const s = await npmStart(ingested);
  startWarm.push({ wallMs: s.readyMs, peakMb: s.pid ? rssMb(s.pid, 'VmHWM') : NaN });
  await s.stop();
}
results.push({
  name: 'npm start → /readyz (ingested data dir)',
  samples: startWarm,
  target: 'wall ≤ 3 s',
  unit: 'both',
});

// The server's memory after retrieval-only questions over HTTP, 4 at a time.
const server = await npmStart(ingested);
const rssReady = server.pid ? rssMb(server.pid, 'VmRSS') : NaN;
let next = 0;
let failed = 0;
const askStarted = performance.now();
await Promise.all(
  Array.from({ length: 4 }, async () => {
    for (;;) {
      const n = next++;
      if (n >= questionCount) return;
      if (n % 50 === 0) progress(`questions ${n}/${questionCount}`);
      const r = await http('POST', `${server.url}/api/ask`, { question: QUESTIONS[n % QUESTIONS.length] });
      if (r?.status !== 200) failed++;
    }
  }),
);
const askSeconds = (performance.now() - askStarted) / 1000;
const rssAfter = server.pid ? rssMb(server.pid, 'VmRSS') : NaN;
const hwmAfter = server.pid ? rssMb(server.pid, 'VmHWM') : NaN;
await server.stop();
rmSync(ingested, { recursive: true, force: true });
agent.destroy();
if (tty) process.stderr.write('\r\x1b[2K');

// --- the figures ---------------------------------------------------------------------------------
const loadAfter = loadavg();
const base = { wall: median(baseline.map((s) => s.wallMs)), peak: median(baseline.map((s) => s.peakMb)) };
const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const lines = [
  `node ${process.version}, ${runs} runs (ingest and first start ${ingestRuns}), medians; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after`,
  `node -e 0 (${baseline.length} samples, one before each run): wall ${fmtMs(base.wall)}, peak RSS ${base.peak.toFixed(0)} MB`,
  '',
];
for (const r of results) {
  const wall = median(r.samples.map((s) => s.wallMs));
  const peak = median(r.samples.map((s) => s.peakMb));
  lines.push(
    `${r.name.padEnd(40)} wall ${fmtMs(wall).padStart(8)} (${(wall / base.wall).toFixed(1)}× node -e 0)` +
      `  peak RSS ${peak.toFixed(0).padStart(4)} MB (node -e 0: ${base.peak.toFixed(0)} MB)  target: ${r.target}`,
  );
}
lines.push(
  `${'server RSS after ' + questionCount + ' questions'}`.padEnd(40) +
    ` ${rssAfter.toFixed(0)} MB (ready: ${rssReady.toFixed(0)} MB, peak ${hwmAfter.toFixed(0)} MB; node -e 0: ${base.peak.toFixed(0)} MB)` +
    `  ${(questionCount / askSeconds).toFixed(0)} questions/s, ${failed} failed  target: ≤ 250 MB`,
);
for (const l of lines) console.log(l);
const report = writeReport(
  'footprint',
  {
    runs,
    ingestRuns,
    questions: questionCount,
    baseline: base,
    results: results.map((r) => ({
      name: r.name,
      wallMs: median(r.samples.map((s) => s.wallMs)),
      peakMb: median(r.samples.map((s) => s.peakMb)),
      samples: r.samples,
    })),
    server: { rssReadyMb: rssReady, rssAfterMb: rssAfter, peakMb: hwmAfter, failed },
    load: { before: loadBefore, after: loadAfter },
  },
  ['```', ...lines, '```'],
);
console.log(`report: ${report}.md`);
