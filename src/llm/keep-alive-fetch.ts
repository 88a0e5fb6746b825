// The fetch the LLM client uses. Node 20's built-in fetch (undici with WHATWG streams) cost about
// 1.6× the CPU of node-fetch on a keep-alive agent per streamed completion
// (`npm run bench:llm-client`); every turn makes two model calls, so the client is a visible share
// of a turn's CPU. See docs/decisions/007-turn-cost.md.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import nodeFetch from 'node-fetch';

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

export const keepAliveFetch = ((url: string, init?: Record<string, unknown>) =>
  nodeFetch(url, {
    ...init,
    agent: (u: URL) => (u.protocol === 'http:' ? agents.http : agents.https),
  } as never)) as unknown as typeof fetch;
