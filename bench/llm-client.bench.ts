// `npm run bench:llm-client`: CPU and wall time per streamed chat completion through the openai SDK
// with Node's built-in fetch and with the keep-alive node-fetch the program uses, against the fake
// OpenAI server in this process (its share is the same in both rows). Asserts nothing.
import OpenAI from 'openai';
import { keepAliveFetch } from '../src/llm/keep-alive-fetch.js';
import { startFakeOpenAi } from '../test/support/fake-openai.js';

const llm = await startFakeOpenAi(() => ({
  content: 'Колею меняют на переходах Алашанькоу — Достык и Хоргос — Алтынколь [1].',
}));
const N = 2000;
for (const [name, fetchImpl] of [
  ['built-in fetch', undefined],
  ['node-fetch keep-alive', keepAliveFetch],
] as const) {
  const client = new OpenAI({ baseURL: llm.url, apiKey: 'x', ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const once = async () => {
    let text = '';
    const stream = await client.chat.completions.create({
      model: 'fake',
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    if (!text) throw new Error('empty completion');
  };
  for (let i = 0; i < 200; i++) await once(); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await once();
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${name.padEnd(22)} ${N} streamed completions: wall ${((performance.now() - t0) / N).toFixed(3)} ms/call, CPU ${((cpu.user + cpu.system) / 1000 / N).toFixed(3)} ms/call (client + fake server)`,
  );
}
await llm.close();
