// The open-ticket list in the reader's language: statuses in words, hours as the locale writes them.
import { describe, expect, it } from 'vitest';
import { ticketList } from './ticket-list.js';
import type { Ticket } from './ticket-repo.js';

const now = new Date('2026-12-01T12:00:00Z');
const ticket = (over: Partial<Ticket>): Ticket => ({
  id: 7,
  status: 'claimed',
  channel: 'telegram',
  userId: 'u1',
  chatId: 'c1',
  conversationId: null,
  lang: 'ru',
  country: 'KZ',
  summary: 'contract',
  note: null,
  awaitingNote: false,
  practiceArea: 'contracts',
  jurisdiction: null,
  firmId: null,
  slackChannel: null,
  slackTs: null,
  claimedBy: 'U42',
  rating: null,
  createdAt: new Date('2026-12-01T10:30:00Z'),
  offeredAt: null,
  answeredAt: null,
  lastUserReplyAt: null,
  reannouncedAt: null,
  supervisedAt: null,
  ...over,
});

describe('ticket list', () => {
  it('names statuses and writes hours in the reader’s language', () => {
    const open = [ticket({}), ticket({ id: 8, status: 'offered', claimedBy: null })];
    expect(ticketList(open, now, undefined, 'ru')).toBe(
      '№7 · в работе · contracts · ru · возраст 1,5 ч · исполнитель U42\n' +
        '№8 · предложена юристам · contracts · ru · возраст 1,5 ч · исполнитель —',
    );
    expect(ticketList(open, now, undefined, 'zh').split('\n')[0]).toBe(
      '第7号 · 处理中 · contracts · ru · 已 1.5 小时 · 负责人 U42',
    );
    expect(ticketList(open, now, (id) => `<@${id}>`)).toContain(
      '#7 · claimed · contracts · ru · age 1.5 h · owner <@U42>',
    );
    expect(ticketList([], now, undefined, 'ru')).toBe('Открытых юридических заявок нет.');
  });
});
