/// <reference lib="dom" />
// The staff console (/staff) in a real browser against the real server, with a fake Telegram Bot
// API and a fake Slack Web API: sign-in by a one-time link from `advisor staff-link`, every page
// with seeded data and no page or console error, roles (a staff member cannot act on a ticket),
// used and expired links, CSRF, a console reply that reaches the exporter's Telegram once and the
// ticket's Slack thread, a re-check that leaves the review queue and an upload whose lint error is
// shown while the old version stays searchable. Screenshots of every page go to
// test-output/staff-screenshots/ (git-ignored) for a person to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffLink } from '../src/cli/staff-link-command.js';
import { staffText } from '../src/i18n/staff-texts.js';
import { lintKnowledge } from '../src/rag/lint-knowledge.js';
import { StaffAuthRepo } from '../src/store/staff-auth-repo.js';
import { hasChromium, launchBrowser, noticeIfNoBrowser, watchErrors } from './support/browser.js';
import { slackSignature, slashCommand, startFakeSlack, type FakeSlack } from './support/fake-slack.js';
import { startFakeTelegram, type FakeTelegram } from './support/fake-telegram.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { runAdvisor } from './support/run-cli.js';
import { startApp } from './support/start-app.js';
import { createTempDatabase, TEST_DATABASE_URL } from './support/temp-database.js';

noticeIfNoBrowser('staff console browser tests');

const SHOTS = join(import.meta.dirname, '../test-output/staff-screenshots');
const STAFF = 'U0STAFF1';
const LAWYER = 'U0LAW1';
const EXPORTER = 601;
const en = (key: Parameters<typeof staffText>[1], v?: Record<string, string | number>) => staffText('en', key, v);

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

// A new version of eac-mark-en that passes the knowledge lint, with a word the old one lacks.
const GOOD_VERSION = `---
id: eac-mark-en
lang: en
translations: [eac-mark-ru, eac-mark-zh]
title: "The EAC mark: when it is needed"
category: market-access
countries: [RU, BY, KZ, AM, KG]
sources: [https://en.wikipedia.org/wiki/Eurasian_Conformity_mark]
as_of: 2026-11-30
review_by: 2027-11-30
volatility: law
---
# The EAC mark: when it is needed

## What the mark means

<!-- sources: 1 -->

The EAC mark shows that a product passed conformity assessment in the Eurasian Economic Union. The quokkabarrier rule now applies to packaging machines.
`;

// The same file with front-matter that is not YAML (an unclosed list).
const BROKEN_VERSION = GOOD_VERSION.replace('countries: [RU, BY, KZ, AM, KG]', 'countries: [RU, BY, KZ');

describe.skipIf(!hasChromium)('staff console in a browser', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let tg: FakeTelegram;
  let slack: FakeSlack;
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };
  let ticketId: number;
  let env: Record<string, string>;

  beforeAll(async () => {
    [tg, slack, knowledge] = await Promise.all([
      startFakeTelegram(),
      startFakeSlack(),
      makeKnowledgeDir({ binaries: false }),
    ]);
    data = tempDir('staff-console');
    env = {
      KNOWLEDGE_DIR: knowledge.path,
      DATA_DIR: data.path,
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      SLACK_BOT_TOKEN: 'xoxb-staff',
      SLACK_SIGNING_SECRET: 'staff-secret',
      SLACK_API_URL: slack.apiUrl,
      SLACK_STAFF_USERS: STAFF,
      SLACK_LEGAL_USERS: LAWYER,
      OUTBOX_INTERVAL_MS: '150',
    };
    [app, browser] = await Promise.all([startApp(env), launchBrowser()]);
    await seed();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await tg?.close();
    await slack?.close();
    knowledge?.remove();
    data?.remove();
  });

  /** Answers over the last days in three channels and languages, votes, a real weak-evidence turn, a ticket. */
  async function seed() {
    const db = app.rt.db;
    const cite = (docId: string, title: string, category: string) =>
      JSON.stringify([{ n: 1, docId, chunkId: `${docId}#0`, title, category, lang: 'en', asOf: '2025-12-31' }]);
    const rows: Array<[string, string, string, string, number, boolean, string]> = [
      [
        'telegram',
        'ru',
        'retrieval-only',
        'Кто может быть заявителем EAC?',
        0,
        false,
        cite('eac-mark-ru', 'Знак EAC', 'market-access'),
      ],
      ['telegram', 'ru', 'retrieval-only', 'Нужен ли EAC для насоса?', 1, true, '[]'],
      [
        'slack',
        'en',
        'llm',
        'Who may apply for the EAC mark?',
        1,
        false,
        cite('eac-mark-en', 'The EAC mark', 'market-access'),
      ],
      ['web', 'zh', 'retrieval-only', '阿拉山口换装需要多久？', 2, false, cite('gauge-change-zh', '换装', 'logistics')],
      ['web', 'en', 'retrieval-only', 'Is EAC needed for a water pump?', 2, true, '[]'],
      ['telegram', 'zh', 'llm', '泵需要EAC认证吗？', 3, true, '[]'],
      ['web', 'en', 'retrieval-only', 'Do water pumps need the EAC mark?', 0, true, '[]'],
      ['telegram', 'ru', 'retrieval-only', 'Нужна ли маркировка EAC на насосы?', 0, true, '[]'],
    ];
    const ids: number[] = [];
    for (const [channel, lang, mode, question, daysAgo, weak, citations] of rows) {
      const r = await db.query<{ id: string }>(
        `INSERT INTO answers (channel, user_id, lang, mode, question, answer, citations, weak_evidence, created_at)
         VALUES ($1, 'u1', $2, $3, $4, $5, $6::jsonb, $7, now() - ($8 || ' days')::interval) RETURNING id`,
        [channel, lang, mode, question, `Answer to: ${question}`, citations, weak, String(daysAgo)],
      );
      ids.push(Number(r.rows[0]!.id));
    }
    await app.rt.answers.feedback(ids[0]!, 'telegram', 'u1', 1);
    await app.rt.answers.feedback(ids[2]!, 'slack', 'u2', -1);
    await app.rt.answers.feedback(ids[3]!, 'web', 'u3', -1);
    // A real turn the knowledge cannot answer: the assistant records it as weak evidence itself.
    const turn = await app.rt.assistant.ask({
      text: 'What are the rules for exporting bananas to Mars by zeppelin?',
      channel: 'telegram',
      conversationId: 'telegram:602',
      userId: '602',
    });
    expect(turn.ok && turn.result.weakEvidence).toBe(true);

    // A ticket the exporter agreed to, offered in Slack, with a word from the exporter in its thread.
    const draft = await app.rt.tickets.repo.createDraft(
      {
        channel: 'telegram',
        userId: String(EXPORTER),
        chatId: String(EXPORTER),
        lang: 'ru',
        summary: 'Покупатель в Алматы не платит по договору поставки; экспортёр хочет подать в арбитраж.',
        practiceArea: 'disputes-arbitration',
        jurisdiction: 'KZ',
        country: 'KZ',
      },
      new Date(),
    );
    ticketId = draft.id;
    await app.rt.tickets.confirm(ticketId, `telegram:${EXPORTER}`);
    await until(async () => Boolean((await app.rt.tickets.repo.get(ticketId))?.slackTs));
    await app.rt.tickets.userReply(ticketId, String(EXPORTER), 'Договор приложу, если нужно.');
  }

  async function until(check: () => Promise<boolean>, ms = 10_000) {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A browser signed in through a link from `advisor staff-link` (the command's own code, on this server's database). */
  async function signIn(
    user: string,
    locale = 'en-US',
  ): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
    const link = await createStaffLink(app.rt.config, app.rt.db, user, 'en');
    const ctx = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(link.url.replace(/^http:\/\/localhost:\d+/, app.url));
    await page.getByRole('button', { name: staffText(locale.startsWith('ru') ? 'ru' : 'en', 'signInButton') }).click();
    await page.waitForURL(/\/staff\/tickets$/);
    return { ctx, page, errors };
  }

  it('a link from advisor staff-link signs a staff member in with an HttpOnly, SameSite=Strict session', async () => {
    const { ctx, page, errors } = await signIn(STAFF);
    expect(await page.locator('.who').textContent()).toBe(en('signedInAs', { user: STAFF, role: en('roleStaff') }));
    const cookie = (await ctx.cookies()).find((c) => c.name === 'staff_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/staff' });
    // Only hashes are stored: the cookie's token is nowhere in the sessions table.
    const stored = await app.rt.db.query<{ token_hash: string }>('SELECT token_hash FROM staff_sessions');
    expect(stored.rows.some((r) => r.token_hash === cookie.value)).toBe(false);
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await ctx.close();

    // Behind an https proxy the cookie is also Secure.
    const link = await createStaffLink(app.rt.config, app.rt.db, STAFF, 'en');
    const token = new URL(link.url).searchParams.get('token')!;
    const res = await fetch(`${app.url}/staff/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(
      /^staff_session=[\w-]+; Path=\/staff; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/,
    );
  });

  it('/advisor console in Slack answers the person alone with a link that signs them in as the legal team', async () => {
    const body = slashCommand('console', slack.responseUrl('console1'), { user: LAWYER });
    const res = await fetch(`${app.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(body, 'staff-secret') },
      body,
    });
    expect(res.status).toBe(200);
    const reply = await slack.waitFor((c) => c.method === 'response_url' && c.args.id === 'console1');
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toContain(en('roleLegal'));
    const url = /http:\/\/\S+\/staff\/signin\?token=[\w-]+/.exec(String(reply.args.text))![0];
    const ctx = await browser.newContext({ locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: en('signInButton') }).click();
    await page.waitForURL(/\/staff\/tickets$/);
    expect(await page.locator('.who').textContent()).toBe(en('signedInAs', { user: LAWYER, role: en('roleLegal') }));
    await ctx.close();

    // Someone on neither list gets no link; the usage line names the command.
    const other = slashCommand('console', slack.responseUrl('console2'), { user: 'U0NOBODY' });
    await fetch(`${app.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(other, 'staff-secret') },
      body: other,
    }).then((r) => r.json().then((j: { text?: string }) => expect(j.text).not.toContain('/staff/signin')));
    const help = slashCommand('help', slack.responseUrl('console3'), { user: STAFF });
    await fetch(`${app.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(help, 'staff-secret') },
      body: help,
    });
    const usage = await slack.waitFor((c) => c.method === 'response_url' && c.args.id === 'console3');
    expect(usage.args.text).toContain('`/advisor console`');
  });

  it('every page renders its seeded data with no page or console error (screenshots)', async () => {
    const { ctx, page, errors } = await signIn(LAWYER);
    const visit = async (path: string, name: string) => {
      const res = await page.goto(`${app.url}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      return name;
    };

    await visit('/staff/tickets', 'tickets');
    const row = page.locator(`tr[data-ticket="${ticketId}"]`);
    expect(await row.textContent()).toContain('disputes-arbitration');
    expect(await row.locator('.sla').textContent()).toBe(en('slaOk'));
    await shot(page, 'tickets');
    await visit(`/staff/tickets?status=closed`, 'tickets-filtered');
    expect(await page.locator(`tr[data-ticket="${ticketId}"]`).count()).toBe(0);

    await visit(`/staff/ticket?id=${ticketId}`, 'ticket');
    expect(await page.locator('pre.summary').textContent()).toContain('Покупатель в Алматы');
    expect(await page.locator('tr.msg.to_firm').textContent()).toContain('Договор приложу');
    expect(await page.locator('table').last().textContent()).toContain('offered');
    await shot(page, 'ticket');

    await visit('/staff/feedback', 'feedback');
    expect(await page.locator('tr[data-feedback]').count()).toBe(3);
    expect(await page.locator('table.feedback').textContent()).toContain('Who may apply for the EAC mark?');
    await shot(page, 'feedback');

    await visit('/staff/gaps', 'gaps');
    const gaps = await page.locator('tr.gap').allTextContents();
    // The three "EAC for a pump" questions in ru, en and zh are weak; the banana question is too.
    expect(gaps.join('\n')).toContain('bananas to Mars');
    // Similar wording in one language is one group: the two water-pump questions, the two about насосы.
    const group = (text: string) => page.locator('tr.gap', { hasText: text });
    expect(await group('Do water pumps need the EAC mark?').locator('.count').textContent()).toBe('2');
    expect(await group('Is EAC needed for a water pump?').count()).toBe(1);
    expect(await group('Нужна ли маркировка EAC на насосы?').locator('.count').textContent()).toBe('2');
    await shot(page, 'gaps');

    await visit('/staff/documents', 'documents');
    const queue = await page
      .locator('table.review-queue tr[data-doc]')
      .evaluateAll((trs) => trs.map((t) => (t as HTMLElement).dataset.doc));
    expect(queue).toContain('gauge-change-ru');
    expect(queue).toContain('eac-mark-en');
    expect(await page.locator('table.all-documents tr[data-doc]').count()).toBeGreaterThanOrEqual(6);
    await shot(page, 'documents');

    await visit('/staff/document?id=gauge-change-ru', 'document');
    expect(await page.locator('[data-field="review_by"]').textContent()).toContain('2025-06-30');
    await shot(page, 'document');

    await visit('/staff/usage', 'usage');
    await page.waitForFunction(() => document.body.dataset.chartsReady === 'true');
    const drawn = await page.locator('.chart[data-drawn="true"] canvas').count();
    expect(drawn).toBe(await page.locator('table.chart-data').count());
    expect(drawn).toBeGreaterThanOrEqual(5);
    const channels = await page.locator('table.chart-data').first().locator('thead th').allTextContents();
    expect(channels).toEqual(expect.arrayContaining(['slack', 'telegram', 'web']));
    expect(await page.locator('[data-ratio]').textContent()).toBe('33%');
    await shot(page, 'usage');

    await visit('/staff/audit', 'audit');
    expect(await page.locator('tr.audit[data-action="signin"]').count()).toBeGreaterThan(0);
    await shot(page, 'audit');
    expect(errors).toEqual([]);
    await ctx.close();

    // The same pages in Russian for a Russian browser.
    const ru = await signIn(STAFF, 'ru-RU');
    await ru.page.goto(`${app.url}/staff/documents`);
    expect(await ru.page.locator('h1').textContent()).toBe(staffText('ru', 'documentsTitle'));
    await shot(ru.page, 'documents-ru');
    expect(ru.errors).toEqual([]);
    await ru.ctx.close();
  });

  it('refuses a legal-only action by a staff member, and audits the refusal', async () => {
    const { ctx, page } = await signIn(STAFF);
    await page.goto(`${app.url}/staff/ticket?id=${ticketId}`);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/staff/ticket/claim')),
      page.getByRole('button', { name: en('claim') }).click(),
    ]);
    expect(res.status()).toBe(403);
    expect(await page.locator('.message').textContent()).toBe(en('legalOnly'));
    await shot(page, 'refused-legal-only');
    expect((await app.rt.tickets.repo.get(ticketId))!.status).toBe('offered');
    const audit = await app.rt.db.query<{ outcome: string; actor: string }>(
      "SELECT outcome, actor FROM staff_audit WHERE action = 'ticket.claim' ORDER BY id DESC LIMIT 1",
    );
    expect(audit.rows[0]).toEqual({ outcome: 'refused', actor: `slack:${STAFF}` });
    await ctx.close();
  });

  it('refuses a used link and an expired one', async () => {
    const link = await createStaffLink(app.rt.config, app.rt.db, STAFF, 'en');
    const url = link.url.replace(/^http:\/\/localhost:\d+/, app.url);
    const first = await browser.newContext({ locale: 'en-US' });
    const p1 = await first.newPage();
    await p1.goto(url);
    await p1.getByRole('button', { name: en('signInButton') }).click();
    await p1.waitForURL(/\/staff\/tickets$/);
    await first.close();

    const second = await browser.newContext({ locale: 'en-US' });
    const p2 = await second.newPage();
    await p2.goto(url);
    const [used] = await Promise.all([
      p2.waitForResponse((r) => r.url().endsWith('/staff/signin') && r.request().method() === 'POST'),
      p2.getByRole('button', { name: en('signInButton') }).click(),
    ]);
    expect(used.status()).toBe(410);
    expect(await p2.locator('.message').textContent()).toBe(en('linkUsed'));
    expect((await second.cookies()).some((c) => c.name === 'staff_session')).toBe(false);
    await shot(p2, 'link-used');

    // Made 16 minutes ago: past its 15.
    const auth = new StaffAuthRepo(app.rt.db);
    const old = await auth.createLink(STAFF, 'staff', 'test', new Date(Date.now() - 16 * 60_000));
    await p2.goto(`${app.url}/staff/signin?token=${old}`);
    const [expired] = await Promise.all([
      p2.waitForResponse((r) => r.url().endsWith('/staff/signin') && r.request().method() === 'POST'),
      p2.getByRole('button', { name: en('signInButton') }).click(),
    ]);
    expect(expired.status()).toBe(410);
    expect(await p2.locator('.message').textContent()).toBe(en('linkExpired'));
    const res = await p2.goto(`${app.url}/staff/tickets`);
    expect(res?.status()).toBe(401);
    await second.close();
  });

  it('answers 403 to a form posted without its CSRF token, and takes it with the token', async () => {
    const { ctx, page } = await signIn(STAFF);
    const feedbackId = Number(
      await page
        .goto(`${app.url}/staff/feedback`)
        .then(() => page.locator('tr[data-feedback]').first().getAttribute('data-feedback')),
    );
    const without = await page.request.post(`${app.url}/staff/feedback/mark`, {
      form: { id: String(feedbackId), mark: 'outdated', note: 'forged' },
    });
    expect(without.status()).toBe(403);
    expect(await without.text()).toContain(en('csrfRefused'));
    const marks = await app.rt.db.query('SELECT 1 FROM feedback_marks WHERE feedback_id = $1', [feedbackId]);
    expect(marks.rows).toHaveLength(0);

    // Through the page (the form carries the token): stored, and shown.
    const row = page.locator(`tr[data-feedback="${feedbackId}"]`);
    await row.locator('select[name="mark"]').selectOption('missing-knowledge');
    await row.locator('input[name="note"]').fill('no document on pumps');
    await row.getByRole('button', { name: en('save') }).click();
    await page.waitForURL(/\/staff\/feedback$/);
    expect(await page.locator(`tr[data-feedback="${feedbackId}"] .marked`).getAttribute('data-mark')).toBe(
      'missing-knowledge',
    );
    await ctx.close();
  });

  it('a console reply reaches the exporter’s Telegram once and the ticket’s Slack thread', async () => {
    const { ctx, page, errors } = await signIn(LAWYER);
    await page.goto(`${app.url}/staff/ticket?id=${ticketId}`);
    await page.getByRole('button', { name: en('claim') }).click();
    await page.waitForURL(/done=claim/);
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('claimed');
    const reply = 'Пришлите, пожалуйста, договор и акты сверки — подготовим претензию.';
    await page.getByLabel(en('reply')).fill(reply);
    await page.getByRole('button', { name: en('send') }).click();
    await page.waitForURL(/done=reply/);
    expect(await page.locator('tr.msg.to_user').last().textContent()).toContain(reply);
    await shot(page, 'ticket-answered');

    const sent = await tg.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes(reply));
    expect(String(sent.payload.chat_id)).toBe(String(EXPORTER));
    const inThread = await slack.waitFor(
      (c) => c.method === 'chat.postMessage' && Boolean(c.args.thread_ts) && String(c.args.text).includes(reply),
    );
    expect(inThread.args.text).toContain(`<@${LAWYER}>`);
    // Several outbox rounds later, still exactly one copy each.
    await new Promise((r) => setTimeout(r, 1500));
    expect(tg.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes(reply))).toHaveLength(
      1,
    );
    expect(
      slack.calls.filter((c) => c.method === 'chat.postMessage' && String(c.args.text).includes(reply)),
    ).toHaveLength(1);
    expect((await app.rt.tickets.repo.get(ticketId))!.status).toBe('answered');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('a re-check moves the document out of the review queue and is audited', async () => {
    const { ctx, page, errors } = await signIn(STAFF);
    await page.goto(`${app.url}/staff/document?id=gauge-change-ru`);
    await page.locator('form.recheck input[name="note"]').fill('Checked against RZD and KTZ pages');
    await page.getByRole('button', { name: en('recheck') }).click();
    await page.locator('.flash').waitFor();
    const today = new Date().toISOString().slice(0, 10);
    expect(await page.locator('[data-field="as_of"]').textContent()).toBe(today);
    expect(await page.locator('tr.review').first().textContent()).toContain(`slack:${STAFF}`);
    await shot(page, 'document-rechecked');
    // The file itself carries the new dates, so the next ingest keeps them.
    expect(readFileSync(join(knowledge.path, 'logistics/gauge-change.ru.md'), 'utf8')).toContain(`as_of: ${today}`);

    await page.goto(`${app.url}/staff/documents`);
    const queue = await page
      .locator('table.review-queue tr[data-doc]')
      .evaluateAll((trs) => trs.map((t) => (t as HTMLElement).dataset.doc));
    expect(queue).not.toContain('gauge-change-ru');
    expect(queue).toContain('gauge-change-zh');
    const audit = await app.rt.db.query<{ actor: string; outcome: string; target: string }>(
      "SELECT actor, outcome, target FROM staff_audit WHERE action = 'document.recheck'",
    );
    expect(audit.rows).toEqual([{ actor: `slack:${STAFF}`, outcome: 'ok', target: 'gauge-change-ru' }]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('an upload with broken front-matter shows the lint error and keeps the old version searchable; a good one replaces it', async () => {
    const file = join(knowledge.path, 'market-access/eac-mark.en.md');
    const before = readFileSync(file, 'utf8');
    const found = async (q: string) => (await app.rt.kb.search(q, { k: 3 })).some((h) => h.docId === 'eac-mark-en');
    expect(await found('conformity assessment technical regulations Eurasian')).toBe(true);

    const { ctx, page, errors } = await signIn(STAFF);
    await page.goto(`${app.url}/staff/document?id=eac-mark-en`);
    await page.locator('form.upload input[type="file"]').setInputFiles({
      name: 'eac-mark.en.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(BROKEN_VERSION),
    });
    await page.getByRole('button', { name: en('uploadButton') }).click();
    await page.locator('.flash.error').waitFor();
    expect(await page.locator('.flash.error .problems').textContent()).toMatch(/front-matter is not valid YAML/);
    await shot(page, 'document-upload-refused');
    // The refused upload is answered 422 (the page with its problems); the browser logs the status.
    expect(errors.splice(0)).toEqual([expect.stringContaining('422')]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(await found('conformity assessment technical regulations Eurasian')).toBe(true);

    // The good version passes the same lint the corpus does, then replaces the old one.
    await page.locator('form.upload input[type="file"]').setInputFiles({
      name: 'eac-mark.en.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(GOOD_VERSION),
    });
    await page.getByRole('button', { name: en('uploadButton') }).click();
    await page.locator('.flash:not(.error)').waitFor();
    expect(await page.locator('[data-field="as_of"]').textContent()).toBe('2026-11-30');
    expect(await found('quokkabarrier packaging')).toBe(true);
    expect(lintKnowledge(knowledge.path).problems.filter((p) => p.file === 'market-access/eac-mark.en.md')).toEqual([]);
    const uploads = await app.rt.db.query<{ outcome: string; kept_copy: string | null }>(
      "SELECT outcome, kept_copy FROM document_uploads WHERE doc_id = 'eac-mark-en' ORDER BY id",
    );
    expect(uploads.rows.map((u) => u.outcome)).toEqual(['lint-failed', 'ingested']);
    expect(readFileSync(uploads.rows[1]!.kept_copy!, 'utf8')).toBe(before);
    await shot(page, 'document-upload-ingested');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('a DOCX version of a Markdown document keeps its metadata and becomes the searchable version', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [new Paragraph('边境换轨'), new Paragraph('在霍尔果斯口岸，wombatgauge 换装通常需要一天。')],
          },
        ],
      }),
    );
    const { ctx, page, errors } = await signIn(STAFF);
    await page.goto(`${app.url}/staff/document?id=gauge-change-zh`);
    await page.locator('form.upload input[type="file"]').setInputFiles({
      name: 'gauge-change-v2.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await page.getByRole('button', { name: en('uploadButton') }).click();
    await page.locator('.flash:not(.error)').waitFor();
    expect(await page.locator('.facts').textContent()).toContain('logistics/gauge-change.zh.docx (docx)');
    expect(await page.locator('[data-field="review_by"]').textContent()).toContain('2025-06-30');
    const hits = await app.rt.kb.search('wombatgauge', { k: 3 });
    expect(hits[0]).toMatchObject({ docId: 'gauge-change-zh' });
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('signing out ends the session in every browser', async () => {
    const a = await signIn(STAFF);
    const b = await signIn(STAFF);
    await a.page.getByRole('button', { name: en('signOut') }).click();
    await a.page.locator('.message').waitFor();
    const res = await b.page.goto(`${app.url}/staff/tickets`);
    expect(res?.status()).toBe(401);
    await a.ctx.close();
    await b.ctx.close();
  });

  it('the audit page lists the actions of the tests above, refusals and successes alike (run after them)', async () => {
    const { ctx, page, errors } = await signIn(STAFF);
    await page.goto(`${app.url}/staff/audit`);
    for (const [action, outcome] of [
      ['ticket.claim', 'refused'],
      ['ticket.reply', 'ok'],
      ['feedback.mark', 'refused'],
      ['feedback.mark', 'ok'],
      ['document.recheck', 'ok'],
      ['document.upload', 'refused'],
      ['document.upload', 'ok'],
    ])
      expect(
        await page.locator(`tr.audit[data-action="${action}"][data-outcome="${outcome}"]`).count(),
        `${action} ${outcome}`,
      ).toBeGreaterThan(0);
    await shot(page, 'audit-after-actions');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('advisor staff-link without SLACK_BOT_TOKEN, roles from a user group, fails with one clear line', async () => {
    const dir = tempDir('staff-link');
    try {
      const run = await runAdvisor(['staff-link', 'U0SOMEONE'], {
        DATA_DIR: dir.path,
        SLACK_STAFF_USERGROUP: 'S0STAFF',
      });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        "advisor: SLACK_STAFF_USERGROUP is set but SLACK_BOT_TOKEN is not, so the group's members cannot be read: set SLACK_BOT_TOKEN, or list the people in SLACK_STAFF_USERS",
      ]);
    } finally {
      dir.remove();
    }
  });
});

// The operator's path as written in the README: the server runs, and in another terminal the real
// `advisor staff-link` process writes a link into the same database. With the embedded database a
// second process cannot open the server's data directory, so this runs where a PostgreSQL server is
// (TEST_DATABASE_URL; .ci/run provides one).
describe.skipIf(!hasChromium || !TEST_DATABASE_URL)('staff console: a link from the real advisor process', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };
  let database: { url: string; drop: () => Promise<void> };
  let env: Record<string, string>;

  beforeAll(async () => {
    [knowledge, database] = await Promise.all([makeKnowledgeDir({ binaries: false }), createTempDatabase('sco_staff')]);
    data = tempDir('staff-cli');
    env = {
      KNOWLEDGE_DIR: knowledge.path,
      DATA_DIR: data.path,
      DATABASE_URL: database.url,
      SLACK_STAFF_USERS: STAFF,
      SLACK_LEGAL_USERS: LAWYER,
    };
    [app, browser] = await Promise.all([startApp(env), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await database?.drop();
    knowledge?.remove();
    data?.remove();
  });

  it('signs in with the link `advisor staff-link --json` printed, once', async () => {
    const run = await runAdvisor(['staff-link', LAWYER, '--json'], { ...env, PUBLIC_URL: app.url });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { url: string; role: string; slackUser: string };
    expect(printed).toMatchObject({ slackUser: LAWYER, role: 'legal' });
    expect(printed.url.startsWith(`${app.url}/staff/signin?token=`)).toBe(true);
    const ctx = await browser.newContext({ locale: 'en-US' });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(printed.url);
    await page.getByRole('button', { name: staffText('en', 'signInButton') }).click();
    await page.waitForURL(/\/staff\/tickets$/);
    expect(await page.locator('.who').textContent()).toBe(en('signedInAs', { user: LAWYER, role: en('roleLegal') }));
    expect(errors).toEqual([]);
    await ctx.close();
    // The same link a second time: refused.
    const again = await fetch(`${app.url}/staff/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: new URL(printed.url).searchParams.get('token')! }).toString(),
    });
    // Refused as a used link (410 Gone, the page says so in the asker's language), and no session.
    expect(again.status).toBe(410);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain(staffText('en', 'linkUsed'));
  });
});
