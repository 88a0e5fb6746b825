/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The web console in a real browser (Debian's chromium through playwright-core), against the real
// server without a language model: what a person sees in zh, ru and en, citations that link, dates
// in the reader's language, a follow-up in the same tab, 👎 stored, markup that stays inert, a
// phone-width screen. Screenshots go to test-output/screenshots/ for a person to look at.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_TEXTS } from '../src/i18n/web-texts.js';
import type { Lang } from '../src/domain/lang.js';
import { hasChromium, launchBrowser, noticeIfNoBrowser, screenshot, watchErrors } from './support/browser.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { startApp } from './support/start-app.js';

noticeIfNoBrowser('web console browser tests');

const LOCALE: Record<Lang, string> = { ru: 'ru-RU', zh: 'zh-CN', en: 'en-US' };
const QUESTION: Record<Lang, string> = {
  ru: 'Кто может быть заявителем для EAC?',
  zh: '谁可以申请EAC认证？',
  en: 'Who may apply for the EAC mark?',
};
// 2025-12-31, the fixtures' as_of, as each language writes it.
const AS_OF: Record<Lang, string> = { ru: '31 декабря 2025 г.', zh: '2025年12月31日', en: 'December 31, 2025' };
const SCRIPT: Record<Lang, RegExp> = { ru: /[а-яё]{4}/i, zh: /[\u4e00-\u9fff]{2}/, en: /\b(the|and|of)\b/ };

// A passage written to attack the page: a script, an image with a handler, a javascript: link.
const HOSTILE_DOC = `---
id: inert-markup-en
lang: en
title: "Inert markup note"
category: market-access
countries: [KZ]
sources: [https://example.org/inert-markup]
as_of: 2025-11-30
review_by: 2026-11-30
---
# Inert markup note

## Zebra passage

The zebra consignment note keeps <script>window.__xss = 'passage-script'</script> inert.
Zebra cargo also carries <img src="x" onerror="window.__xss = 'passage-img'"> markup and a [zebra link](javascript:window.__xss='passage-link').
`;

describe.skipIf(!hasChromium)('web console in a browser (retrieval only)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };

  beforeAll(async () => {
    knowledge = await makeKnowledgeDir({ binaries: false });
    writeFileSync(join(knowledge.path, 'market-access/inert-markup.en.md'), HOSTILE_DOC);
    data = tempDir('web-browser');
    [app, browser] = await Promise.all([
      startApp({ KNOWLEDGE_DIR: knowledge.path, DATA_DIR: data.path }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    knowledge?.remove();
    data?.remove();
  });

  async function open(lang: Lang, viewport = { width: 1100, height: 900 }) {
    const context = await browser.newContext({ locale: LOCALE[lang], viewport });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    // A script that does not parse or throws never gets ready: say why at once rather than time out.
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 }).catch((err: Error) => {
      throw new Error(`the page did not start: ${errors.join('; ') || err.message}`);
    });
    return { page, errors, close: () => context.close() };
  }

  /** Types the question and sends it with Enter, as a person would; waits for the answer. */
  async function ask(page: Page, question: string, lang: Lang, expected: 'stateDone' | 'stateError' = 'stateDone') {
    const turns = await page.locator('.turn').count();
    await page.getByLabel(WEB_TEXTS[lang].questionLabel).fill(question);
    await page.keyboard.press('Enter');
    await page.locator('.turn').nth(turns).waitFor();
    await page.waitForFunction(
      ([text]) => document.getElementById('status')?.textContent === text,
      [WEB_TEXTS[lang][expected]],
    );
    return page.locator('.turn').nth(turns);
  }

  const conversationOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('advisor.conversationId'));

  it('loads with no page or console error, every label in the browser’s language', async () => {
    for (const lang of ['zh', 'ru', 'en'] as const) {
      const { page, errors, close } = await open(lang);
      const w = WEB_TEXTS[lang];
      expect(await page.locator('h1').textContent()).toBe(w.title);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(
        LOCALE[lang].startsWith('zh') ? 'zh-CN' : lang,
      );
      // Every labelled element shows its catalogue entry: nothing left in the page's English defaults.
      const shown = await page.$$eval('[data-text]', (els) =>
        els.map((e) => [(e as HTMLElement).dataset.text!, e.textContent!.trim()]),
      );
      for (const [key, text] of shown) expect(text).toBe(w[key as keyof typeof w]);
      expect(await page.getByLabel(w.questionLabel).getAttribute('placeholder')).toBe(w.placeholder);
      expect(await page.getByLabel(w.interfaceLanguage).inputValue()).toBe(lang);
      expect(await page.getByRole('button', { name: w.ask }).isVisible()).toBe(true);
      await screenshot(page, `load-${lang}`);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('sends with Enter, starts a new line with Shift+Enter, and never sends while an input method composes', async () => {
    const { page, errors, close } = await open('zh');
    const box = page.getByLabel(WEB_TEXTS.zh.questionLabel);
    await box.fill('中乌AEO互认');
    // Enter that picks characters in a Chinese input method: the question stays in the box, unsent.
    await box.evaluate((el) =>
      el.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }),
      ),
    );
    await box.press('Shift+Enter');
    await box.pressSequentially('是哪一年签的？');
    await page.waitForTimeout(300);
    expect(await page.locator('.turn').count()).toBe(0);
    expect(await box.inputValue()).toBe('中乌AEO互认\n是哪一年签的？');
    await box.press('Enter');
    await page.locator('.turn').first().waitFor();
    await page.waitForFunction(
      ([text]) => document.getElementById('status')?.textContent === text,
      [WEB_TEXTS.zh.stateDone],
    );
    expect(await page.locator('.turn').count()).toBe(1);
    expect(await box.inputValue()).toBe('');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers Russian, Chinese and English questions in their language, with linked citations and local dates', async () => {
    for (const lang of ['ru', 'zh', 'en'] as const) {
      const { page, errors, close } = await open(lang);
      const w = WEB_TEXTS[lang];
      const turn = await ask(page, QUESTION[lang], lang);
      const answer = turn.locator('.answer-body');
      expect(await answer.getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : lang);
      expect(await answer.locator('.answer-text').first().textContent()).toMatch(SCRIPT[lang]);
      expect(await answer.locator('.sources h3').textContent()).toBe(w.sources);
      const meta = await answer.locator('.source-meta').allTextContents();
      expect(meta.join('\n')).toContain(w.asOf.replace('{date}', AS_OF[lang]));
      expect(meta.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      // The source's own links, opening elsewhere.
      const link = answer.locator('.source-links a').first();
      expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
      expect(await link.getAttribute('target')).toBe('_blank');
      // [1] in the text is a link that takes the reader to source 1.
      const cite = answer.locator('.answer-text a.cite').first();
      const n = (await cite.textContent())!.replace(/\D/g, '');
      await cite.click();
      const target = await page.evaluate(() => document.querySelector(':target')?.id);
      expect(target).toBe(`t0-src-${n}`);
      expect(await page.locator(`#t0-src-${n} .source-title`).isVisible()).toBe(true);
      await screenshot(page, `answer-${lang}`);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('marks a source past its review date as due for re-check, in the reader’s language', async () => {
    const { page, errors, close } = await open('ru');
    const turn = await ask(page, 'Где меняют колею на границе с Казахстаном?', 'ru');
    const stale = turn.locator('.source-meta .stale').first();
    expect(await stale.textContent()).toContain(WEB_TEXTS.ru.stale);
    expect(await turn.locator('.source-meta').first().textContent()).toContain('31 декабря 2024 г.');
    await screenshot(page, 'stale-ru');
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps a tab’s conversation for follow-ups, across a reload, until “new conversation”', async () => {
    const { page, errors, close } = await open('ru');
    await ask(page, 'Что означает знак EAC?', 'ru');
    const first = await conversationOf(page);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    await ask(page, 'А кто может быть заявителем?', 'ru');
    expect(await conversationOf(page)).toBe(first);
    const stored = await app.rt.db.query<{ role: string; content: string }>(
      'SELECT role, content FROM messages WHERE conversation_id = $1 ORDER BY id',
      [`web:${first}`],
    );
    expect(stored.rows.map((r) => r.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(stored.rows[2]!.content).toBe('А кто может быть заявителем?');
    await screenshot(page, 'follow-up-ru');

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('.turn').count()).toBe(2);
    expect(await conversationOf(page)).toBe(first);

    await page.getByRole('button', { name: WEB_TEXTS.ru.newConversation }).click();
    expect(await page.locator('.turn').count()).toBe(0);
    expect(await page.locator('#status').textContent()).toBe(WEB_TEXTS.ru.conversationCleared);
    await ask(page, 'Что означает знак EAC?', 'ru');
    const second = await conversationOf(page);
    expect(second).not.toBe(first);
    const fresh = await app.rt.db.query('SELECT 1 FROM messages WHERE conversation_id = $1', [`web:${second}`]);
    expect(fresh.rows.length).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });

  it('stores 👎 under an answer, as the other channels store feedback', async () => {
    const { page, errors, close } = await open('zh');
    const turn = await ask(page, QUESTION.zh, 'zh');
    const down = turn.getByRole('button', { name: WEB_TEXTS.zh.notHelpful });
    await down.click();
    await turn.getByText(WEB_TEXTS.zh.feedbackThanks).waitFor();
    expect(await down.getAttribute('aria-pressed')).toBe('true');
    const conv = await conversationOf(page);
    const rows = await app.rt.db.query<{ rating: number; channel: string; question: string }>(
      `SELECT f.rating, f.channel, a.question FROM feedback f JOIN answers a ON a.id = f.answer_id
        WHERE a.conversation_id = $1`,
      [`web:${conv}`],
    );
    expect(rows.rows).toEqual([{ rating: -1, channel: 'web', question: QUESTION.zh }]);
    await screenshot(page, 'feedback-zh');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows markup in a passage or a question as text, and runs none of it', async () => {
    const { page, errors, close } = await open('en');
    const question = `<img src=x onerror="window.__xss='question'"> zebra consignment note`;
    const turn = await ask(page, question, 'en');
    expect(await turn.locator('.question p').textContent()).toBe(question);
    // The direct answer and the full answer are both shown; the markup must stay text in each.
    const text = (await turn.locator('.answer-text').allTextContents()).join('\n');
    expect(text).toContain("<script>window.__xss = 'passage-script'</script>");
    expect(text).toContain('<img src="x" onerror=');
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(await turn.locator('img, script, [onerror]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await screenshot(page, 'xss-inert-en');
    expect(errors).toEqual([]);
    await close();
  });

  it('fits a 390 px wide phone screen without sideways scrolling', async () => {
    const { page, errors, close } = await open('ru', { width: 390, height: 844 });
    await ask(page, QUESTION.ru, 'ru');
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.client).toBe(390);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await screenshot(page, 'phone-390-ru');
    expect(errors).toEqual([]);
    await close();
  });

  it('limits the question to MAX_QUESTION_CHARS with a counter and explains errors in the page’s language', async () => {
    const { page, errors, close } = await open('ru');
    const box = page.getByLabel(WEB_TEXTS.ru.questionLabel);
    await box.focus();
    await page.keyboard.insertText('я'.repeat(4010));
    expect((await box.inputValue()).length).toBe(4000);
    expect((await page.locator('#counter').textContent())!.replace(/\D/g, '')).toBe('40004000');
    await box.fill('');

    // A question with no words: the server's sentence, in Russian because the page is Russian.
    const noWords = await ask(page, '?!', 'ru', 'stateError');
    expect(await noWords.getByRole('alert').textContent()).toContain('В сообщении нет слов');

    // The network fails: the page says so in Russian and gives the question back.
    await page.route('**/api/ask', (route) => route.abort('connectionfailed'));
    const offline = await ask(page, 'Что означает знак EAC?', 'ru', 'stateError');
    expect(await offline.getByRole('alert').textContent()).toBe(WEB_TEXTS.ru.errorNetwork);
    expect(await box.inputValue()).toBe('Что означает знак EAC?');
    await screenshot(page, 'errors-ru');
    // The refused request is the browser's own console line; nothing else may be there.
    expect(
      errors.filter((e) => !e.includes('net::ERR_CONNECTION_FAILED') && !e.includes('Failed to load resource')),
    ).toEqual([]);
    await close();
  });

  it('switches the interface language and remembers the choice', async () => {
    const { page, errors, close } = await open('ru');
    await page.getByLabel(WEB_TEXTS.ru.interfaceLanguage).selectOption('en');
    expect(await page.locator('h1').textContent()).toBe(WEB_TEXTS.en.title);
    expect(await page.getByLabel(WEB_TEXTS.en.questionLabel).isVisible()).toBe(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('h1').textContent()).toBe(WEB_TEXTS.en.title);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the direct answer first when the answer has one, the full answer behind it', async () => {
    const { page, errors, close } = await open('en');
    // The assistant fills `lead` in another change; until then the server's real answer to this
    // question is given one here, on its way to the page, to show how the page renders the contract.
    const real: { answer: string } = await (
      await fetch(`${app.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: QUESTION.en }),
      })
    ).json();
    const withLead = { ...real, lead: { text: 'The applicant must be registered in the EAEU [1].', citations: [1] } };
    await page.route('**/api/ask', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: `event: status\ndata: {"type":"status","stage":"retrieving"}\n\nevent: done\ndata: ${JSON.stringify(withLead)}\n\n`,
      }),
    );
    const turn = await ask(page, QUESTION.en, 'en');
    const first = turn.locator('.answer-body > *').first();
    expect(await first.getAttribute('class')).toBe('lead');
    expect(await first.locator('h3').textContent()).toBe(WEB_TEXTS.en.directAnswer);
    expect(await first.locator('a.cite').getAttribute('href')).toBe('#t0-src-1');
    const full = turn.locator('details.full');
    expect(await full.locator('summary').textContent()).toBe(WEB_TEXTS.en.fullAnswer);
    expect(await full.locator('.answer-text').isVisible()).toBe(false);
    await full.locator('summary').click();
    expect(await full.locator('.answer-text').textContent()).toContain(real.answer.split('\n')[0]);
    await screenshot(page, 'lead-en');
    expect(errors).toEqual([]);
    await close();
  });

  it('is usable by keyboard with labelled controls and AA contrast', async () => {
    const { page, errors, close } = await open('en');
    await ask(page, QUESTION.en, 'en');
    // Tab order follows the page: language, new conversation, …, the question, then Ask.
    // From the top of the page, as a keyboard user arrives (the answer is kept across the reload).
    await page.reload();
    await page.waitForSelector('body[data-ready="true"] .turn');
    const order: string[] = [];
    for (let i = 0; i < 60 && !order.includes('ask'); i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.className || ''));
    }
    expect(order.indexOf('ui-lang')).toBe(0);
    expect(order.indexOf('new-conversation')).toBe(1);
    expect(order.indexOf('question')).toBeGreaterThan(order.indexOf('cite'));
    expect(order.indexOf('ask')).toBeGreaterThan(order.indexOf('question'));
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      for (const c of document.querySelectorAll<HTMLElement>('button, select, textarea, input, a[href]')) {
        if (c.closest('[hidden]')) continue;
        const labels = (c as HTMLInputElement).labels;
        const name = c.getAttribute('aria-label') || (labels?.[0]?.textContent ?? '') || c.textContent;
        if (!name?.trim()) out.push(`no name: ${c.outerHTML.slice(0, 80)}`);
      }
      // WCAG AA: 4.5:1 for every element that has its own text.
      const rgb = (s: string) => s.match(/[\d.]+/g)!.map(Number);
      const lum = ([r, g, b]: number[]) =>
        [r!, g!, b!]
          .map((v) => v / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const background = (e: Element | null): number[] => {
        for (; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length < 4 || c[3]! > 0) return c;
        }
        return [255, 255, 255];
      };
      for (const e of document.querySelectorAll('body *')) {
        const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
        if (!own || !(e as HTMLElement).offsetParent) continue;
        const fg = lum(rgb(getComputedStyle(e).color));
        const bg = lum(background(e));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        if (ratio < 4.5)
          out.push(`contrast ${ratio.toFixed(2)}: ${e.tagName}.${e.className} "${e.textContent!.slice(0, 30)}"`);
      }
      return out;
    });
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows a 404 page in the browser’s language and has a favicon', async () => {
    const { page, errors, close } = await open('zh');
    const res = await page.goto(`${app.url}/no-such-page`);
    expect(res!.status()).toBe(404);
    await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, WEB_TEXTS.zh.notFoundTitle);
    expect(await page.getByRole('link', { name: WEB_TEXTS.zh.backHome }).getAttribute('href')).toBe('/');
    await screenshot(page, 'not-found-zh');
    const icon = await page.request.get(`${app.url}/favicon.ico`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/png');
    // The page's own icon link resolves.
    await page.goto(app.url);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect((await page.request.get(new URL(href!, app.url).href)).status()).toBe(200);
    // Only the 404 document itself is a console error (the browser logs the status).
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await close();
  });
});
