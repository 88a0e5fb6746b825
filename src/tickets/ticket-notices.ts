// What the ticket workflow tells people, as data. The service writes these into outbox rows; each
// channel renders them when it sends (Telegram HTML, Slack mrkdwn or Block Kit), so the workflow
// knows no channel's markup and a new channel needs only a renderer.
import type { Lang } from '../domain/lang.js';

/** A message to the exporter about their ticket, in their language. */
export type TicketNotice =
  | { kind: 'claimed'; ticketId: number; lang: Lang }
  | { kind: 'lawyer-reply'; ticketId: number; lang: Lang; firm: string; text: string; translated: boolean }
  | { kind: 'closed'; ticketId: number; lang: Lang; askRating: boolean };

/** A line in the ticket's Slack thread (or the supervisors' channel), for the legal team. */
export type TicketNote =
  | { kind: 'claimed-by'; ticketId: number; user: string }
  | { kind: 'exporter-reply'; ticketId: number; lang: Lang; text: string }
  | { kind: 'console-reply'; ticketId: number; user: string; text: string }
  | { kind: 'unclaimed'; ticketId: number; minutes: number }
  | { kind: 'escalated'; ticketId: number; practiceArea: string; lang: Lang; channel: string | null; minutes: number };
