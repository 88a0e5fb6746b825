// The staff console's storage on the embedded engine and on a PostgreSQL server: a link is used
// once even when two requests race for it, only hashes are stored, sign-out ends every session, and
// the report queries (usage, gaps, feedback marks, the ticket queue, documents) read the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.js';
import { DocumentReviews } from '../src/store/document-reviews.js';
import { openDb } from '../src/store/open-db.js';
import { hashToken, StaffAuthRepo } from '../src/store/staff-auth-repo.js';
import { StaffReports } from '../src/store/staff-reports.js';
import { createTempDatabase, TEST_DATABASE_URL } from './support/temp-database.js';

const engines = [
  {
    name: 'PGlite',
    skip: false,
    open: async () => ({ db: await openDb({ databaseUrl: undefined, dataDir: undefined }), drop: async () => {} }),
  },
  {
    name: 'PostgreSQL',
    skip: !TEST_DATABASE_URL,
    open: async () => {
      const temp = await createTempDatabase('sco_staff');
      return { db: await openDb({ databaseUrl: temp.url, dataDir: undefined }), drop: temp.drop };
    },
  },
];

for (const engine of engines) {
  describe.skipIf(engine.skip)(`staff console storage on ${engine.name}`, () => {
    let db: Db;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      ({ db, drop } = await engine.open());
    }, 60_000);
    afterAll(async () => {
      await db?.close();
      await drop?.();
    });

    it('uses a link once even when two sign-ins race for it, and stores only hashes', async () => {
      const auth = new StaffAuthRepo(db);
      const token = await auth.createLink('U0AAA', 'legal', 'cli:test');
      const [a, b] = await Promise.all([auth.redeem(token), auth.redeem(token)]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      const loser = a.ok ? b : a;
      expect(loser).toEqual({ ok: false, reason: 'used' });
      const winner = (a.ok ? a : b) as Extract<typeof a, { ok: true }>;
      expect(await auth.session(winner.token)).toMatchObject({ slackUser: 'U0AAA', role: 'legal' });
      const links = await db.query<{ token_hash: string }>('SELECT token_hash FROM staff_links');
      expect(links.rows.map((r) => r.token_hash)).toEqual([hashToken(token)]);
      const sessions = await db.query<{ token_hash: string }>('SELECT token_hash FROM staff_sessions');
      expect(sessions.rows.map((r) => r.token_hash)).toEqual([hashToken(winner.token)]);

      expect(await auth.redeem('no-such-token')).toEqual({ ok: false, reason: 'unknown' });
      const old = await auth.createLink('U0AAA', 'staff', 'cli:test', new Date(Date.now() - 15 * 60_000 - 1000));
      expect(await auth.redeem(old)).toEqual({ ok: false, reason: 'expired' });

      const second = await auth.redeem(await auth.createLink('U0AAA', 'legal', 'cli:test'));
      expect(await auth.signOutEverywhere('U0AAA')).toBe(2);
      expect(await auth.session(winner.token)).toBeUndefined();
      expect(second.ok && (await auth.session(second.token))).toBeUndefined();
    });

    it('reads usage, gaps, feedback marks, the ticket queue and the documents', async () => {
      const now = new Date();
      await db.query(
        `INSERT INTO documents (id, slug, lang, title, category, countries, sources, translations, as_of, review_by, path, format, content_hash)
         VALUES ('d-ru', 'd', 'ru', 'Док', 'logistics', '{KZ,CN}', '{https://e.org}', '{d-zh}', '2025-01-01', '2025-06-30', 'logistics/d.ru.md', 'md', 'h')`,
      );
      const cite = JSON.stringify([{ n: 1, docId: 'd-ru', title: 'Док', category: 'logistics' }]);
      const ins = async (channel: string, lang: string, mode: string, q: string, weak: boolean | null, tools = '[]') =>
        Number(
          (
            await db.query<{ id: string }>(
              `INSERT INTO answers (channel, lang, mode, question, answer, citations, weak_evidence, tool_calls)
               VALUES ($1, $2, $3, $4, 'a', $5::jsonb, $6, $7::jsonb) RETURNING id`,
              [channel, lang, mode, q, weak ? '[]' : cite, weak, tools],
            )
          ).rows[0]!.id,
        );
      const a1 = await ins('telegram', 'ru', 'retrieval-only', 'Сколько идёт поезд?', false);
      await ins('web', 'en', 'retrieval-only', 'Bananas on Mars?', true);
      await ins('slack', 'en', 'llm', 'Route Qingdao to Almaty', null, '[{"name":"plan_routes"}]');
      await db.query("INSERT INTO feedback (answer_id, channel, user_id, rating) VALUES ($1, 'telegram', 'u', -1)", [
        a1,
      ]);
      await db.query(
        `INSERT INTO tickets (status, channel, user_id, chat_id, lang, country, summary, practice_area, firm_id, claimed_by, created_at)
         VALUES ('claimed', 'telegram', '1', '1', 'ru', 'KZ', 's', 'customs', 'f1', 'U0LAW', now() - interval '5 hours'),
                ('closed', 'telegram', '1', '1', 'ru', 'UZ', 's', 'customs', 'f2', NULL, now())`,
      );

      const reports = new StaffReports(db);
      const usage = await reports.usage(30, now);
      expect(usage.modes).toEqual(
        expect.arrayContaining([
          { key: 'retrieval-only', n: 2 },
          { key: 'tool', n: 1 },
        ]),
      );
      expect(usage.perDayChannel.map((r) => r.key).sort()).toEqual(['slack', 'telegram', 'web']);
      expect(usage.feedback).toEqual({ up: 0, down: 1 });
      expect(usage.topics).toEqual([{ key: 'logistics', n: 2 }]);
      expect(usage.countries).toEqual(
        expect.arrayContaining([
          { key: 'KZ', n: 3 },
          { key: 'CN', n: 2 },
          { key: 'UZ', n: 1 },
        ]),
      );

      const [fb] = await reports.feedback({ rating: -1 });
      expect(fb).toMatchObject({ question: 'Сколько идёт поезд?', mark: null });
      expect(await reports.markFeedback(fb!.id, 'missing-knowledge', 'no timetable', 'slack:U0S')).toBe(true);
      expect(await reports.markFeedback(fb!.id, 'missing-knowledge', 'no timetable either', 'slack:U0S')).toBe(true);
      expect(await reports.markFeedback(999_999, 'fine', '', 'slack:U0S')).toBe(false);
      expect(await reports.feedback({ unmarked: true })).toEqual([]);
      const gaps = await reports.gapQuestions(90, now);
      expect(gaps.map((g) => [g.question, g.reason]).sort()).toEqual([
        ['Bananas on Mars?', 'weak'],
        ['Сколько идёт поезд?', 'marked'],
      ]);

      expect((await reports.ticketQueue({ status: 'open' }, now)).map((t) => t.country)).toEqual(['KZ']);
      expect((await reports.ticketQueue({ owner: 'U0LAW' }, now)).map((t) => t.country)).toEqual(['KZ']);
      expect((await reports.ticketQueue({ olderThanHours: 2 }, now)).map((t) => t.country)).toEqual(['KZ']);
      expect((await reports.ticketQueue({ firm: 'f2' }, now)).map((t) => t.country)).toEqual(['UZ']);

      const reviews = new DocumentReviews(db);
      await reviews.recordReview(
        {
          docId: 'd-ru',
          reviewer: 'slack:U0S',
          note: 'checked',
          asOfBefore: '2025-01-01',
          reviewByBefore: '2025-06-30',
          asOfAfter: '2026-12-01',
          reviewByAfter: '2027-12-01',
        },
        now,
      );
      const [doc] = await reviews.list();
      expect(doc).toMatchObject({
        id: 'd-ru',
        countries: ['KZ', 'CN'],
        translations: ['d-zh'],
        asOf: '2025-01-01',
        reviewBy: '2025-06-30',
        lastReviewer: 'slack:U0S',
      });
      expect(await reviews.reviews('d-ru')).toEqual([
        expect.objectContaining({ reviewByBefore: '2025-06-30', reviewByAfter: '2027-12-01', note: 'checked' }),
      ]);
    });
  });
}
