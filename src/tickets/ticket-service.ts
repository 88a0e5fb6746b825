// Legal escalation: draft with the user's consent → ticket offered to a matching firm in Slack →
// claimed → answered → closed (and reopened). Every change writes its audit row and its
// notifications (outbox) in one transaction; the worker delivers them. Notifications are data
// (ticket-notices.ts): the channels render them, so nothing here knows Telegram HTML or Block Kit.
import type { ChatModel } from '../llm/chat-model.js';
import { LANG_NAMES, ticketText } from '../i18n/ticket-texts.js';
import type { Lang } from '../domain/lang.js';
import type { ConversationRepo } from '../store/conversation-repo.js';
import { enqueue } from '../store/outbox.js';
import type { Queryable } from '../store/db.js';
import type { LawFirmDirectory } from './law-firm-directory.js';
import { matchFirm, suggestJurisdiction, suggestPracticeArea } from './firm-matching.js';
import type { TicketNote, TicketNotice } from './ticket-notices.js';
import { TicketRepo, TicketTransitionError, type Ticket } from './ticket-repo.js';

export interface SlaPolicy {
  /** Offered but unclaimed this long → re-announced; twice this long → raised to the supervisors. */
  claimMinutes: number;
  /** Answered and no word from the exporter this long → closed. */
  autoCloseHours: number;
  supervisorChannel: string | undefined;
}

export interface TicketServiceDeps {
  repo: TicketRepo;
  conversations: ConversationRepo;
  /** The directory, or how to read it on first use (start-up then never parses the YAML). */
  firms: LawFirmDirectory | (() => LawFirmDirectory);
  llm: ChatModel | undefined;
  sla: SlaPolicy;
  now?: () => Date;
}

export class TicketService {
  private directory: LawFirmDirectory | undefined;

  constructor(private readonly deps: TicketServiceDeps) {}

  now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  get repo(): TicketRepo {
    return this.deps.repo;
  }

  get firms(): LawFirmDirectory {
    const f = this.deps.firms;
    return (this.directory ??= typeof f === 'function' ? f() : f);
  }

  /** Step 1: what would be shared, for the user to confirm. Nothing leaves the database yet. */
  async draft(req: {
    channel: 'telegram' | 'slack';
    userId: string;
    chatId: string;
    conversationId: string;
    lang: Lang;
    practiceArea?: string;
    jurisdiction?: string;
  }): Promise<Ticket> {
    const { summary, exporterWords } = await this.summarize(req.conversationId, req.lang);
    // Country and practice area come from what the exporter wrote, not from the bot's answers (an
    // answer about Russia's rules must not send a Kazakh buyer's dispute to a Moscow firm).
    const practiceArea = suggestPracticeArea(exporterWords || summary, req.practiceArea);
    const jurisdiction = suggestJurisdiction(exporterWords, req.jurisdiction);
    return this.deps.repo.createDraft(
      { ...req, summary, practiceArea, jurisdiction, country: jurisdiction },
      this.now(),
    );
  }

  preview(t: Ticket): string {
    return ticketText(t.lang, 'preview', {
      summary: t.summary,
      lang: LANG_NAMES[t.lang],
      country: t.country ?? ticketText(t.lang, 'unknownCountry'),
      note: t.note ?? '',
    });
  }

  async requestNote(id: number): Promise<void> {
    await this.deps.repo.update(this.deps.repo.db, id, { awaiting_note: true }, this.now());
  }

  async saveNote(t: Ticket, note: string): Promise<Ticket> {
    await this.deps.repo.update(
      this.deps.repo.db,
      t.id,
      { note: note.slice(0, 1000), awaiting_note: false },
      this.now(),
    );
    return (await this.deps.repo.get(t.id))!;
  }

  async cancel(id: number, actor: string): Promise<void> {
    await this.mutate(id, actor, async (tx, t) => this.deps.repo.transition(tx, t, 'cancelled', actor, this.now()));
  }

  /** Step 2: the user confirmed → new → offered to the best-matching firm's channel. */
  async confirm(id: number, actor: string): Promise<Ticket> {
    return this.mutate(id, actor, async (tx, t) => {
      const now = this.now();
      await this.deps.repo.transition(tx, t, 'new', actor, now);
      const match = matchFirm(this.firms, {
        practiceArea: t.practiceArea,
        jurisdiction: t.jurisdiction,
        lang: t.lang,
      });
      await this.deps.repo.update(
        tx,
        t.id,
        {
          firm_id: match.firm?.id ?? null,
          slack_channel: match.channel,
          offered_at: now.toISOString(),
          awaiting_note: false,
        },
        now,
      );
      Object.assign(t, { firmId: match.firm?.id ?? null, slackChannel: match.channel, offeredAt: now });
      await this.deps.repo.transition(tx, t, 'offered', 'system', now, {
        firm: match.firm?.id ?? 'shared-queue',
        channel: match.channel,
      });
      await enqueue(
        tx,
        'slack.post',
        `ticket:${t.id}:offer`,
        { ticketId: t.id, channel: match.channel, view: 'ticket', rememberAs: 'ticket-root' },
        now,
      );
    });
  }

  async claim(id: number, slackUser: string): Promise<Ticket> {
    return this.mutate(id, `slack:${slackUser}`, async (tx, t) => {
      const now = this.now();
      await this.deps.repo.transition(tx, t, 'claimed', `slack:${slackUser}`, now);
      await this.deps.repo.update(tx, t.id, { claimed_by: slackUser }, now);
      t.claimedBy = slackUser;
      await this.refreshSlack(tx, t, now);
      await this.noteInThread(
        tx,
        `ticket:${t.id}:claimed:${now.getTime()}`,
        { kind: 'claimed-by', ticketId: t.id, user: slackUser },
        now,
      );
      await this.notifyUser(
        tx,
        t,
        `ticket:${t.id}:user-claimed:${now.getTime()}`,
        { kind: 'claimed', ticketId: t.id, lang: t.lang },
        now,
      );
    });
  }

  async release(id: number, slackUser: string): Promise<Ticket> {
    return this.mutate(id, `slack:${slackUser}`, async (tx, t) => {
      const now = this.now();
      await this.deps.repo.transition(tx, t, 'offered', `slack:${slackUser}`, now, { released: true });
      await this.deps.repo.update(
        tx,
        t.id,
        { claimed_by: null, offered_at: now.toISOString(), reannounced_at: null, supervised_at: null },
        now,
      );
      t.claimedBy = null;
      await this.refreshSlack(tx, t, now);
    });
  }

  /**
   * A legal-team member replied from the staff console: relayed to the exporter exactly as a thread
   * reply is, and written into the ticket's Slack thread as well, so the thread stays the whole
   * conversation for whoever reads it in Slack.
   */
  async consoleReply(id: number, slackUser: string, text: string): Promise<Ticket> {
    return this.firmReply(id, slackUser, text, { echoInThread: true });
  }

  /** A legal-team member wrote in the ticket's thread → relayed to the exporter. */
  async firmReply(id: number, slackUser: string, text: string, opts: { echoInThread?: boolean } = {}): Promise<Ticket> {
    const before = await this.deps.repo.get(id);
    const translated = before ? await this.translate(text, before.lang) : undefined;
    return this.mutate(id, `slack:${slackUser}`, async (tx, t) => {
      const now = this.now();
      if (t.status === 'offered') {
        await this.deps.repo.transition(tx, t, 'claimed', `slack:${slackUser}`, now, { byReply: true });
        await this.deps.repo.update(tx, t.id, { claimed_by: slackUser }, now);
        t.claimedBy = slackUser;
      }
      await this.deps.repo.transition(tx, t, 'answered', `slack:${slackUser}`, now);
      await this.deps.repo.update(tx, t.id, { answered_at: now.toISOString() }, now);
      const messageId = await this.deps.repo.addMessage(tx, t.id, 'to_user', `slack:${slackUser}`, text, now);
      const firm = this.firms.firms.find((f) => f.id === t.firmId)?.name ?? '法智谷';
      const notice: TicketNotice = {
        kind: 'lawyer-reply',
        ticketId: t.id,
        lang: t.lang,
        firm,
        text: translated ?? text,
        translated: translated !== undefined,
      };
      await this.notifyUser(tx, t, `ticket:${t.id}:to-user:${messageId}`, notice, now, messageId);
      if (opts.echoInThread)
        await this.noteInThread(
          tx,
          `ticket:${t.id}:console-reply:${messageId}`,
          { kind: 'console-reply', ticketId: t.id, user: slackUser, text },
          now,
        );
      await this.refreshSlack(tx, t, now);
    });
  }

  /** The exporter replied to a lawyer's message in Telegram → into the ticket's thread. */
  async userReply(id: number, userId: string, text: string): Promise<Ticket> {
    return this.mutate(id, `telegram:${userId}`, async (tx, t) => {
      if (t.status === 'closed' || t.status === 'cancelled' || t.status === 'draft')
        throw new TicketTransitionError(`ticket ${t.id} is ${t.status}`);
      const now = this.now();
      const messageId = await this.deps.repo.addMessage(tx, t.id, 'to_firm', `telegram:${userId}`, text, now);
      await this.deps.repo.update(tx, t.id, { last_user_reply_at: now.toISOString() }, now);
      await this.noteInThread(
        tx,
        `ticket:${t.id}:to-firm:${messageId}`,
        { kind: 'exporter-reply', ticketId: t.id, lang: t.lang, text },
        now,
      );
    });
  }

  async close(id: number, actor: string, reason = 'closed'): Promise<Ticket> {
    return this.mutate(id, actor, async (tx, t) => {
      const now = this.now();
      await this.deps.repo.transition(tx, t, 'closed', actor, now, { reason });
      await this.deps.repo.update(tx, t.id, { closed_at: now.toISOString() }, now);
      await this.refreshSlack(tx, t, now);
      await this.notifyUser(
        tx,
        t,
        `ticket:${t.id}:closed:${now.getTime()}`,
        { kind: 'closed', ticketId: t.id, lang: t.lang, askRating: t.channel === 'telegram' },
        now,
      );
    });
  }

  async reopen(id: number, slackUser: string): Promise<Ticket> {
    return this.mutate(id, `slack:${slackUser}`, async (tx, t) => {
      const now = this.now();
      await this.deps.repo.transition(tx, t, 'offered', `slack:${slackUser}`, now, { reopened: true });
      await this.deps.repo.update(
        tx,
        t.id,
        { claimed_by: null, closed_at: null, offered_at: now.toISOString(), reannounced_at: null, supervised_at: null },
        now,
      );
      t.claimedBy = null;
      await this.refreshSlack(tx, t, now);
    });
  }

  async rate(id: number, userId: string, stars: number): Promise<boolean> {
    const r = await this.deps.repo.db.query(
      "UPDATE tickets SET rating = $3 WHERE id = $1 AND user_id = $2 AND status = 'closed'",
      [id, userId, stars],
    );
    if (r.rowCount)
      await this.deps.repo.db.query(
        'INSERT INTO ticket_events (ticket_id, from_status, to_status, actor, detail, at) VALUES ($1, $2, $2, $3, $4::jsonb, $5)',
        [id, 'closed', `telegram:${userId}`, JSON.stringify({ rating: stars }), this.now().toISOString()],
      );
    return r.rowCount === 1;
  }

  /** SLA timers, run on the worker's loop with its clock. */
  async slaSweep(now: Date): Promise<void> {
    const { claimMinutes, autoCloseHours, supervisorChannel } = this.deps.sla;
    for (const t of await this.deps.repo.open()) {
      const offeredFor = t.offeredAt ? (now.getTime() - t.offeredAt.getTime()) / 60_000 : 0;
      if (t.status === 'offered' && offeredFor >= claimMinutes && !t.reannouncedAt) {
        await this.mutate(t.id, 'system', async (tx, x) => {
          await this.deps.repo.update(tx, x.id, { reannounced_at: now.toISOString() }, now);
          const note: TicketNote = { kind: 'unclaimed', ticketId: x.id, minutes: claimMinutes };
          await enqueue(
            tx,
            'slack.post',
            `ticket:${x.id}:reannounce:${x.offeredAt?.getTime()}`,
            { ticketId: x.id, inThread: true, broadcast: true, note },
            now,
          );
        });
      } else if (t.status === 'offered' && offeredFor >= 2 * claimMinutes && !t.supervisedAt && supervisorChannel) {
        await this.mutate(t.id, 'system', async (tx, x) => {
          await this.deps.repo.update(tx, x.id, { supervised_at: now.toISOString() }, now);
          const note: TicketNote = {
            kind: 'escalated',
            ticketId: x.id,
            practiceArea: x.practiceArea,
            lang: x.lang,
            channel: x.slackChannel,
            minutes: Math.round(offeredFor),
          };
          await enqueue(
            tx,
            'slack.post',
            `ticket:${x.id}:supervisor:${x.offeredAt?.getTime()}`,
            { channel: supervisorChannel, note },
            now,
          );
        });
      } else if (t.status === 'answered' && t.answeredAt) {
        const lastWord = Math.max(t.answeredAt.getTime(), t.lastUserReplyAt?.getTime() ?? 0);
        if (t.lastUserReplyAt && t.lastUserReplyAt.getTime() > t.answeredAt.getTime()) continue; // the exporter answered: the firm's turn
        if ((now.getTime() - lastWord) / 3_600_000 >= autoCloseHours)
          await this.close(t.id, 'system', 'no reply from the exporter');
      }
    }
  }

  /** To the exporter where they asked: their Telegram chat or the Slack thread the escalation came from. */
  private async notifyUser(
    tx: Queryable,
    t: Ticket,
    key: string,
    notice: TicketNotice,
    now: Date,
    ticketMessageId?: number,
  ): Promise<void> {
    const extra = ticketMessageId === undefined ? {} : { ticketMessageId };
    if (t.channel === 'telegram') {
      await enqueue(tx, 'telegram.send', key, { chatId: t.chatId, notice, ...extra }, now);
      return;
    }
    const [channel, threadTs] = t.chatId.split(':');
    await enqueue(tx, 'slack.post', key, { channel, ...(threadTs ? { threadTs } : {}), notice }, now);
  }

  private async noteInThread(tx: Queryable, key: string, note: TicketNote, now: Date): Promise<void> {
    await enqueue(tx, 'slack.post', key, { ticketId: note.ticketId, inThread: true, note }, now);
  }

  /** The ticket's own Slack message is redrawn from the ticket's state when the row is sent. */
  private async refreshSlack(tx: Queryable, t: Ticket, now: Date): Promise<void> {
    await enqueue(
      tx,
      'slack.update',
      `ticket:${t.id}:view:${t.status}:${now.getTime()}`,
      { ticketId: t.id, view: 'ticket' },
      now,
    );
  }

  private async mutate(id: number, _actor: string, fn: (tx: Queryable, t: Ticket) => Promise<void>): Promise<Ticket> {
    await this.deps.repo.db.transaction(async (tx) => {
      const t = await this.deps.repo.lock(tx, id);
      if (!t) throw new TicketTransitionError(`ticket ${id} does not exist`);
      await fn(tx, t);
    });
    return (await this.deps.repo.get(id))!;
  }

  private async summarize(conversationId: string, lang: Lang): Promise<{ summary: string; exporterWords: string }> {
    const state = await this.deps.conversations.state(conversationId, 6);
    const exporterWords = state.recent
      .filter((m) => m.role === 'user')
      .map((m) => m.content)
      .join('\n');
    const turns = state.recent.map(
      (m) => `${m.role === 'user' ? '—' : '→'} ${clip(m.content.replace(/\s+/g, ' '), 400)}`,
    );
    const verbatim = turns.join('\n') || '—';
    if (!this.deps.llm || state.recent.length === 0) return { summary: clip(verbatim, 2500), exporterWords };
    try {
      const res = await this.deps.llm.chat({
        temperature: 0,
        messages: [
          {
            role: 'system',
            content: `Summarise for a lawyer, in ${LANG_NAMES[lang]}, in at most 80 words, what the exporter needs help with. Facts from the conversation only; no advice.`,
          },
          { role: 'user', content: verbatim },
        ],
      });
      return { summary: clip(res.content.trim(), 1500) || clip(verbatim, 2500), exporterWords };
    } catch {
      return { summary: clip(verbatim, 2500), exporterWords };
    }
  }

  private async translate(text: string, lang: Lang): Promise<string | undefined> {
    if (!this.deps.llm) return undefined;
    try {
      const res = await this.deps.llm.chat({
        temperature: 0,
        messages: [
          {
            role: 'system',
            content: `Translate the lawyer's message into ${LANG_NAMES[lang]}. Output only the translation; keep names, numbers and legal terms exact.`,
          },
          { role: 'user', content: text },
        ],
      });
      return res.content.trim() || undefined;
    } catch {
      return undefined;
    }
  }
}

/** Cut at a word end, marked with "…", never mid-word. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
