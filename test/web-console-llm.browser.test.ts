/// <reference lib="dom" />
// The web console in a real browser against the real server with a language model (a fake
// OpenAI-compatible server on 127.0.0.1): the answer's visible states while it streams, the stop
// button, a follow-up the model sees with its conversation, and a route answer with its map.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_TEXTS } from '../src/i18n/web-texts.js';
import { hasChromium, launchBrowser, noticeIfNoBrowser, screenshot, watchErrors } from './support/browser.js';
import { startFakeOpenAi, type ChatBody, type FakeOpenAi, type FakeReply } from './support/fake-openai.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { startApp } from './support/start-app.js';

noticeIfNoBrowser('web console browser tests with a model');

const ru = WEB_TEXTS.ru;
const lastUser = (body: ChatBody) => body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';

// The model's side: rewrites as JSON, a slow answer to stop, a route through the plan_route tool.
function script(body: ChatBody): FakeReply {
  if (body.response_format) return { content: '{"standalone": "x"}' };
  const question = lastUser(body);
  if (question.includes('медленно')) return { delayMs: 15_000, content: 'Не успею [1].' };
  if (question.includes('Алматы')) {
    if (!body.messages.some((m) => m.role === 'tool'))
      return { toolCalls: [{ name: 'plan_route', arguments: { from: 'Qingdao', to: 'Almaty' } }] };
    return { content: 'Маршруты из Циндао в Алматы показаны на карте; сроки и цены — в ответе планировщика.' };
  }
  return { delayMs: 600, content: 'Знак **EAC** подтверждает соответствие техническим регламентам союза [1].' };
}

describe.skipIf(!hasChromium)('web console in a browser (with a language model)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let fake: FakeOpenAi;
  let browser: Browser;
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };

  beforeAll(async () => {
    fake = await startFakeOpenAi(script);
    knowledge = await makeKnowledgeDir({ binaries: false });
    data = tempDir('web-browser-llm');
    [app, browser] = await Promise.all([
      startApp({
        KNOWLEDGE_DIR: knowledge.path,
        DATA_DIR: data.path,
        LLM_BASE_URL: fake.url,
        LLM_MODEL: 'fake-model',
        NETWORK_FILE: join(import.meta.dirname, '../knowledge/logistics/network.yaml'),
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
    knowledge?.remove();
    data?.remove();
  });

  async function open() {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    // A script that does not parse or throws never gets ready: say why at once rather than time out.
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 }).catch((err: Error) => {
      throw new Error(`the page did not start: ${errors.join('; ') || err.message}`);
    });
    // Every state the status line shows, in order.
    await page.evaluate(() => {
      const status = document.getElementById('status')!;
      const seen: string[] = ((window as unknown as { __states: string[] }).__states = []);
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    return { page, errors, close: () => context.close() };
  }

  async function send(page: Page, question: string) {
    await page.getByLabel(ru.questionLabel).fill(question);
    await page.getByRole('button', { name: ru.ask }).click();
  }
  const waitForStatus = (page: Page, text: string) =>
    page.waitForFunction((t) => document.getElementById('status')?.textContent === t, text);
  const states = (page: Page) => page.evaluate(() => (window as unknown as { __states: string[] }).__states);

  it('shows searching, writing and done while the answer streams, then renders the checked answer', async () => {
    const { page, errors, close } = await open();
    await send(page, 'Что означает знак EAC?');
    await waitForStatus(page, ru.stateWriting);
    await screenshot(page, 'llm-writing-ru');
    await waitForStatus(page, ru.stateDone);
    const seen = [...new Set(await states(page))];
    expect(seen).toEqual([ru.stateSearching, ru.stateWriting, ru.stateDone]);
    const text = page.locator('.turn .answer-text');
    expect(await text.locator('strong').textContent()).toBe('EAC');
    expect(await text.locator('a.cite').getAttribute('href')).toBe('#t0-src-1');
    expect(await page.locator('#t0-src-1 .source-meta').textContent()).toContain('по состоянию на 31 декабря 2025 г.');
    await screenshot(page, 'llm-done-ru');
    expect(errors).toEqual([]);
    await close();
  });

  it('stops an answer with the stop button and can ask again', async () => {
    const { page, errors, close } = await open();
    await send(page, 'Ответь медленно: что означает знак EAC?');
    await waitForStatus(page, ru.stateWriting);
    const stop = page.getByRole('button', { name: ru.stop });
    expect(await stop.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: ru.ask }).isDisabled()).toBe(true);
    await stop.click();
    await waitForStatus(page, ru.stateStopped);
    expect(await page.locator('.turn .note').textContent()).toBe(ru.stoppedNote);
    expect(await stop.isHidden()).toBe(true);
    await screenshot(page, 'llm-stopped-ru');
    await send(page, 'Что означает знак EAC?');
    await waitForStatus(page, ru.stateDone);
    expect(await page.locator('.turn').nth(1).locator('.answer-text').textContent()).toContain('Знак EAC');
    expect(errors).toEqual([]);
    await close();
  });

  it('sends a follow-up with its conversation, so the model sees the earlier turn', async () => {
    const { page, errors, close } = await open();
    await send(page, 'Что означает знак EAC?');
    await waitForStatus(page, ru.stateDone);
    await send(page, 'А кто может быть заявителем?');
    await waitForStatus(page, ru.stateDone);
    const answerCall = fake.requests.filter((r) => !r.response_format).at(-1)!;
    expect(lastUser(answerCall)).toContain('А кто может быть заявителем?');
    expect(answerCall.messages.some((m) => m.role === 'user' && m.content === 'Что означает знак EAC?')).toBe(true);
    expect(answerCall.messages.some((m) => m.role === 'assistant' && m.content?.includes('Знак **EAC**'))).toBe(true);
    expect(await page.locator('.turn').count()).toBe(2);
    await screenshot(page, 'llm-follow-up-ru');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the route map of a route answer', async () => {
    const { page, errors, close } = await open();
    await send(page, 'Как доставить контейнер из Циндао в Алматы?');
    await waitForStatus(page, ru.stateDone);
    expect(await states(page)).toContain(ru.stateTool);
    // The places as the answer names them, not the planner's ids or the model's English input.
    const img = page.getByRole('img', { name: ru.routeMap.replace('{from}', 'Циндао').replace('{to}', 'Алматы') });
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const i = document.querySelector<HTMLImageElement>('.route-map img');
      return i?.complete && i.naturalWidth > 0;
    });
    expect(await img.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).toEqual([1000, 560]);
    await screenshot(page, 'llm-route-map-ru');
    expect(errors).toEqual([]);
    await close();
  });
});
