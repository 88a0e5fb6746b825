// ConversationRepo.openTurn does in one statement what took four: it must behave the same on the
// embedded engine and on a PostgreSQL server (json_agg, data-modifying CTEs, snapshot rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationRepo } from '../src/store/conversation-repo.js';
import type { Db } from '../src/store/db.js';
import { openDb } from '../src/store/open-db.js';
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
      const temp = await createTempDatabase('sco_conv');
      return { db: await openDb({ databaseUrl: temp.url, dataDir: undefined }), drop: temp.drop };
    },
  },
];

for (const engine of engines) {
  describe.skipIf(engine.skip)(`ConversationRepo.openTurn on ${engine.name}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let repo: ConversationRepo;

    beforeAll(async () => {
      ({ db, drop } = await engine.open());
      repo = new ConversationRepo(db);
    }, 60_000);
    afterAll(async () => {
      await db?.close();
      await drop?.();
    });

    it('stores the question and returns the memory from before it', async () => {
      const first = await repo.openTurn('c1', 'telegram', 'u1', 'ru', 'Где меняют колею?', 8);
      expect(first).toMatchObject({ summary: null, summarizedThrough: 0, recent: [], unsummarized: 0 });
      expect(first.messageId).toBeGreaterThan(0);
      await repo.addMessage('c1', { role: 'assistant', content: 'На Достыке [1].', lang: 'ru' });

      const second = await repo.openTurn('c1', 'telegram', 'u1', 'ru', 'А сколько это занимает?', 8);
      expect(second.recent.map((m) => [m.role, m.content])).toEqual([
        ['user', 'Где меняют колею?'],
        ['assistant', 'На Достыке [1].'],
      ]);
      expect(second.recent[0]!.id).toBe(first.messageId);
      expect(Number.isNaN(Date.parse(second.recent[0]!.createdAt))).toBe(false);
      expect(second.unsummarized).toBe(2);
      // The second question is stored too, after the first exchange.
      const stored = await db.query<{ content: string }>(
        'SELECT content FROM messages WHERE conversation_id = $1 ORDER BY id',
        ['c1'],
      );
      expect(stored.rows.map((r) => r.content)).toEqual([
        'Где меняют колею?',
        'На Достыке [1].',
        'А сколько это занимает?',
      ]);
    });

    it('keeps only the most recent messages after the summary, oldest first', async () => {
      await repo.openTurn('c2', 'slack', undefined, 'en', 'm0', 8);
      for (let i = 1; i < 6; i++) await repo.addMessage('c2', { role: i % 2 ? 'assistant' : 'user', content: `m${i}` });
      const ids = (
        await db.query<{ id: string }>('SELECT id FROM messages WHERE conversation_id = $1 ORDER BY id', ['c2'])
      ).rows.map((r) => Number(r.id));
      await repo.saveSummary('c2', 'The user exports shoes.', ids[1]!);
      const turn = await repo.openTurn('c2', 'slack', undefined, 'en', 'next', 3);
      expect(turn.summary).toBe('The user exports shoes.');
      expect(turn.summarizedThrough).toBe(ids[1]);
      expect(turn.unsummarized).toBe(ids.length - 2);
      expect(turn.recent.map((m) => m.content)).toEqual(['m3', 'm4', 'm5']);
    });
  });
}
