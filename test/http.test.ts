// `npm start`'s server through HTTP: health, the web console's files, POST /api/ask (JSON and SSE),
// POST /api/feedback, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { startApp } from './support/start-app.js';
import { servedScripts } from './support/served-scripts.js';
import { loadAssets } from '../src/bots/web/static-assets.js';

describe('HTTP server', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };

  beforeAll(async () => {
    knowledge = await makeKnowledgeDir({ binaries: false });
    data = tempDir('http-data');
    app = await startApp({ KNOWLEDGE_DIR: knowledge.path, DATA_DIR: data.path });
  });
  afterAll(async () => {
    await app?.stop();
    knowledge.remove();
    data.remove();
  });

  const ask = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('reports alive and ready with the database and the index', async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: true, engine: 'pglite', documents: 6 });
  });

  it('serves the console as files with their types, revalidation and a policy without inline scripts', async () => {
    const page = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    // Not one inline script or handler: the page's code is files the policy allows.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const etag = page.headers.get('etag')!;
    expect((await fetch(app.url, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const css = await fetch(`${app.url}/assets/console.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');
    const icon = await fetch(`${app.url}/favicon.ico`);
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await icon.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect((await fetch(`${app.url}/assets/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
    const head = await fetch(app.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('serves only scripts that parse, as JavaScript, from the page down through every import', async () => {
    const scripts = await servedScripts(app.url, ['/', '/no-such-page']);
    const files = [...loadAssets().keys()].filter((p) => p.endsWith('.js'));
    // Every script file is reachable from a page: none is served without being checked here.
    expect([...scripts.keys()].map((u) => new URL(u).pathname).sort()).toEqual(files.sort());
    expect(files).toEqual(expect.arrayContaining(['/assets/console.js', '/assets/vendor/marked.js']));
  });

  it('shows people a 404 page and programs a JSON 404', async () => {
    const page = await fetch(`${app.url}/no-such-page`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('not-found.js');
    const api = await fetch(`${app.url}/api/nothing`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'not found' });
  });

  it('stores 👍/👎 for an answer of the same browser conversation only', async () => {
    const asked = (await (await ask({ question: 'EAC mark', conversationId: 'feedback-tab-1' })).json()) as any;
    const vote = (body: unknown, lang = 'en') =>
      fetch(`${app.url}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        body: JSON.stringify(body),
      });
    expect((await vote({ answerId: asked.answerId, conversationId: 'feedback-tab-1', rating: -1 })).status).toBe(200);
    expect((await vote({ answerId: asked.answerId, conversationId: 'feedback-tab-1', rating: 1 })).status).toBe(200);
    const rows = await app.rt.db.query<{ rating: number; channel: string; user_id: string }>(
      'SELECT rating, channel, user_id FROM feedback WHERE answer_id = $1',
      [asked.answerId],
    );
    expect(rows.rows).toEqual([{ rating: 1, channel: 'web', user_id: 'web:feedback-tab-1' }]);

    const stranger = await vote({ answerId: asked.answerId, conversationId: 'another-tab-2', rating: -1 }, 'ru');
    expect(stranger.status).toBe(404);
    expect(((await stranger.json()) as any).error).toContain('не хранится');
    expect((await vote({ answerId: asked.answerId, conversationId: 'feedback-tab-1', rating: 5 })).status).toBe(400);
    expect((await vote({ answerId: 'x', conversationId: 'feedback-tab-1', rating: 1 })).status).toBe(400);
  });

  it('answers a question with citations in the asker’s language', async () => {
    const r = await ask({ question: 'Кто может быть заявителем для EAC?' });
    expect(r.status).toBe(200);
    const body = (await r.json()) as any;
    expect(body).toMatchObject({ lang: 'ru', mode: 'retrieval-only', toolCalls: [] });
    expect(body.citations[0]).toMatchObject({
      n: 1,
      docId: 'eac-mark-ru',
      asOf: '2025-12-31',
      source: 'https://en.wikipedia.org/wiki/Eurasian_Conformity_mark',
    });
    expect(body.answer).toContain('[1]');
  });

  it('lets the chosen language win', async () => {
    const body = (await (await ask({ question: 'Who may apply for EAC?', lang: 'zh' })).json()) as any;
    expect(body.lang).toBe('zh');
    expect(body.citations[0]).toMatchObject({ docId: 'eac-mark-zh', translatedFrom: 'eac-mark-en' });
  });

  it('streams as server-sent events when asked', async () => {
    const r = await ask({ question: 'EAC mark' }, { accept: 'text/event-stream' });
    expect(r.headers.get('content-type')).toContain('text/event-stream');
    const text = await r.text();
    expect(text).toMatch(/^event: status\ndata: \{/);
    expect(text).toContain('event: done');
    const done = text.split('event: done\ndata: ')[1]!.trim();
    expect(JSON.parse(done).citations.length).toBeGreaterThan(0);
  });

  it('refuses empty, oversized and malformed requests with a clear message', async () => {
    const empty = await ask({ question: '' }, { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as any).reason).toBe('empty');

    const huge = await ask({ question: '认证'.repeat(50_000) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as any).error).toMatch(/问题太长（100000 个字符，上限 4000）/);

    const bad = await ask('{"question": ', { 'accept-language': 'zh-CN' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error).toContain('无法解析请求');

    const wrongType = await ask({ question: 42 });
    expect(wrongType.status).toBe(400);

    // A conversation id too short is named as such, in the question's language.
    const shortId = await ask({ question: 'НДС в Казахстане?', conversationId: 't1' });
    expect(shortId.status).toBe(400);
    expect(((await shortId.json()) as any).error).toMatch(/^conversationId — от 8 до 64 символов/);

    const tooBig = await ask({ question: 'x'.repeat(600 * 1024) });
    expect(tooBig.status).toBe(413);
  });

  it('exposes Prometheus metrics for requests, answers and the outbox', async () => {
    await ask({ question: 'EAC mark' });
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toMatch(/advisor_http_requests_total\{route="\/api\/ask",status="200"\} \d+/);
    expect(text).toMatch(/advisor_answers_total\{channel="web",mode="retrieval-only"\} \d+/);
    // Label order is free in the exposition format.
    expect(text).toMatch(/advisor_answer_seconds_bucket\{(?=[^}]*channel="web")(?=[^}]*le="\+Inf")[^}]*\} \d+/);
    expect(text).toContain('advisor_outbox_depth 0');
    for (const name of [
      'advisor_llm_seconds',
      'advisor_llm_errors_total',
      'advisor_tool_seconds',
      'advisor_tool_errors_total',
      'advisor_ticket_oldest_age_seconds',
    ])
      expect(text).toContain(`# TYPE ${name} `);
    // prom-client's process metrics: CPU, memory, heap, event-loop lag.
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
  });

  it('draws the map of a plan_route call from its recorded input', async () => {
    const input = encodeURIComponent(JSON.stringify({ from: '青岛', to: 'Алматы', container: '40ft' }));
    const map = await fetch(`${app.url}/api/route-map.png?input=${input}`);
    expect(map.status).toBe(200);
    expect(map.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await map.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    // A follow-up by a mode the network has no route by ("а автотранспортом?") is answered with the other
    // ways; its map draws those, not a broken picture.
    const road = encodeURIComponent(JSON.stringify({ from: 'qingdao', to: 'almaty', modes: ['road'] }));
    expect((await fetch(`${app.url}/api/route-map.png?input=${road}&lang=ru`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/route-map.png?input=%7Bnope`)).status).toBe(400);
    const nowhere = encodeURIComponent(JSON.stringify({ from: 'Atlantis', to: 'Almaty' }));
    expect((await fetch(`${app.url}/api/route-map.png?input=${nowhere}`)).status).toBe(404);
  });

  it('answers unknown paths and methods without a stack trace', async () => {
    expect((await fetch(`${app.url}/nope`)).status).toBe(404);
    const r = await fetch(`${app.url}/api/ask`);
    expect(r.status).toBe(405);
  });
});
