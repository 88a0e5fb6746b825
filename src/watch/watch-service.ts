// The regulation watch: after an ingest (or an ePing import) every subscriber whose filters match
// gets one digest of the batch, written to the outbox with the key (batch, subscriber) in the same
// transaction that marks the batch alerted. A crash before that commit alerts the batch again on the
// next run; after it, the outbox delivers. Either way each subscriber gets one digest per batch.
import type { Lang } from '../domain/lang.js';
import type { DigestDoc, DigestNotice, LoggedChange, WatchDigest } from '../domain/watch.js';
import type { ChangeLog } from '../store/change-log.js';
import { recordChanges } from '../store/change-log.js';
import type { Db } from '../store/db.js';
import { enqueueMany, type OutboxKind } from '../store/outbox.js';
import type { EpingNotification, Subscription, WatchRepo } from '../store/watch-repo.js';
import { changeSubject, matches, noticeSubject } from './match.js';

/** A digest lists this many documents or notifications and counts the rest. */
const MAX_ITEMS = 8;

export interface WatchServiceOptions {
  db: Db;
  repo: WatchRepo;
  changes: ChangeLog;
  now?: () => Date;
}

export interface AlertResult {
  batches: number;
  digests: number;
}

export class WatchService {
  constructor(private readonly o: WatchServiceOptions) {}

  get repo(): WatchRepo {
    return this.o.repo;
  }

  /** Writes the digests of every batch not alerted yet. Safe to run anywhere, any number of times. */
  async alertPending(): Promise<AlertResult> {
    const pending = await this.o.changes.pendingBatches();
    const result: AlertResult = { batches: 0, digests: 0 };
    if (pending.length === 0) return result;
    const subs = await this.o.repo.all();
    for (const { batch, source } of pending) {
      const digests =
        source === 'ingest'
          ? await this.changeDigests(await this.o.changes.ofBatch(batch), subs)
          : noticeDigests(await this.o.repo.notificationsOf(batch), subs);
      const written = await this.o.db.transaction(async (tx) => {
        // Two replicas finishing an ingest together: the second waits here and finds it done.
        const r = await tx.query<{ alerted: boolean }>(
          'SELECT alerted_at IS NOT NULL AS alerted FROM watch_batches WHERE batch = $1 FOR UPDATE',
          [batch],
        );
        if (r.rows[0]?.alerted) return 0;
        const n = await enqueueMany(
          tx,
          digests.map(({ sub, digest }) => outboxRow(batch, sub, digest)),
        );
        await this.o.changes.markAlerted(tx, batch);
        return n;
      });
      result.batches++;
      result.digests += written;
    }
    return result;
  }

  /** Stores an import's notifications as one batch and alerts it; a notification seen before is skipped. */
  async importNotifications(
    batch: string,
    list: readonly EpingNotification[],
  ): Promise<{ fresh: number; digests: number }> {
    const fresh = await this.o.db.transaction(async (tx) => {
      const added = await this.o.repo.saveNotifications(tx, batch, list);
      if (added.length) await recordChanges(tx, { name: batch, source: 'eping' }, []);
      return added.length;
    });
    const { digests } = fresh ? await this.alertPending() : { digests: 0 };
    return { fresh, digests };
  }

  /**
   * Once a week: the documents whose review_by falls in the next 30 days, to every Slack channel
   * that watches (the staff channels). The week is in the key, so any number of workers send once.
   */
  async remindReviews(now: Date = this.o.now?.() ?? new Date()): Promise<number> {
    const staff = (await this.o.repo.all()).filter((s) => s.channel === 'slack');
    if (staff.length === 0) return 0;
    const day = now.toISOString().slice(0, 10);
    const until = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const due = await this.o.repo.reviewDue(day, until);
    if (due.length === 0) return 0;
    const week = isoWeek(now);
    return this.o.db.transaction((tx) =>
      enqueueMany(
        tx,
        staff.map((sub) => {
          // One line per document family: the staff channel's language where it exists.
          const bySlug = new Map<string, (typeof due)[number]>();
          for (const d of due) {
            const slug = d.id.replace(/-(zh|ru|en)$/, '');
            const seen = bySlug.get(slug);
            if (!seen || (d.lang === sub.lang && seen.lang !== sub.lang)) bySlug.set(slug, d);
          }
          const docs = [...bySlug.values()].map((d) => ({ title: d.title, reviewBy: d.reviewBy, path: d.path }));
          const digest: WatchDigest = {
            kind: 'review',
            lang: sub.lang,
            docs: docs.slice(0, 20),
            more: Math.max(0, docs.length - 20),
          };
          return outboxRow(`review:${week}`, sub, digest);
        }),
      ),
    );
  }

  private async changeDigests(
    changes: readonly LoggedChange[],
    subs: readonly Subscription[],
  ): Promise<Array<{ sub: Subscription; digest: WatchDigest }>> {
    // Documents come in families of translations: one entry per family, matched if any member is.
    const families = new Map<string, LoggedChange[]>();
    for (const c of changes) {
      if (c.action === 'rechecked') continue;
      const f = families.get(c.slug) ?? [];
      f.push(c);
      families.set(c.slug, f);
    }
    if (families.size === 0) return [];
    const translations = await this.o.repo.documents([
      ...new Set([...families.values()].flat().flatMap((c) => c.translations)),
    ]);
    const subjects = [...families].map(([slug, members]) => ({
      slug,
      members,
      subjects: members.map(changeSubject),
    }));
    // Subscribers with the same language and the same matching families share one digest object.
    const shared = new Map<string, WatchDigest>();
    const out: Array<{ sub: Subscription; digest: WatchDigest }> = [];
    for (const sub of subs) {
      const hit = subjects.filter((f) => f.subjects.some((s) => matches(sub, s)));
      if (hit.length === 0) continue;
      const key = `${sub.lang}:${hit.map((f) => f.slug).join(',')}`;
      let digest = shared.get(key);
      if (!digest) {
        const docs = hit.map((f) => digestDoc(f.members, sub.lang, translations));
        digest = {
          kind: 'changes',
          lang: sub.lang,
          docs: docs.slice(0, MAX_ITEMS),
          more: Math.max(0, docs.length - MAX_ITEMS),
        };
        shared.set(key, digest);
      }
      out.push({ sub, digest });
    }
    return out;
  }
}

function outboxRow(batch: string, sub: Subscription, digest: WatchDigest) {
  const kind: OutboxKind = sub.channel === 'telegram' ? 'telegram.send' : 'slack.post';
  const payload =
    sub.channel === 'telegram' ? { chatId: sub.subscriber, watch: digest } : { channel: sub.subscriber, watch: digest };
  return { kind, key: `watch:${batch}:${sub.channel}:${sub.subscriber}`, payload };
}

/** The family member in the subscriber's language if it changed; else another, titled through its translation. */
function digestDoc(
  members: readonly LoggedChange[],
  lang: Lang,
  translations: Map<string, { lang: Lang; title: string; asOf: string | undefined; source: string | undefined }>,
): DigestDoc {
  const own = members.find((m) => m.lang === lang);
  const c = own ?? members[0]!;
  const translated = own ? undefined : c.translations.map((id) => translations.get(id)).find((t) => t?.lang === lang);
  const action = c.action === 'rechecked' ? 'changed' : c.action;
  return {
    title: translated?.title ?? c.title,
    action,
    sections: c.sections.map((s) => s.heading).filter(Boolean),
    excerpt: c.sections.find((s) => s.excerpt)?.excerpt ?? '',
    dates: [...new Set(c.sections.flatMap((s) => s.dates.added))].slice(0, 4),
    figures: [...new Set(c.sections.flatMap((s) => s.figures.added))].slice(0, 6),
    source: c.source,
    asOf: c.asOf,
    ...(own ? {} : { otherLang: c.lang }),
  };
}

function noticeDigests(
  list: readonly EpingNotification[],
  subs: readonly Subscription[],
): Array<{ sub: Subscription; digest: WatchDigest }> {
  const subjects = list.map((n) => ({ n, s: noticeSubject(n) }));
  const out: Array<{ sub: Subscription; digest: WatchDigest }> = [];
  for (const sub of subs) {
    const hit = subjects
      .filter((x) => matches(sub, x.s))
      .map(({ n }): DigestNotice => ({
        symbol: n.symbol,
        country: n.country,
        area: n.area,
        title: n.title,
        products: n.products,
        deadline: n.commentDeadline,
        link: n.link,
      }));
    if (hit.length === 0) continue;
    out.push({
      sub,
      digest: {
        kind: 'eping',
        lang: sub.lang,
        notices: hit.slice(0, MAX_ITEMS),
        more: Math.max(0, hit.length - MAX_ITEMS),
      },
    });
  }
  return out;
}

/** 2026-W49: the ISO week of a day (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
