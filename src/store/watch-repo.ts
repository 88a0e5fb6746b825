// Subscriptions of the regulation watch, ePing notifications and the document look-ups alerts need.
// A subscription is one row per subscriber (a Telegram chat, a Slack channel); each list is "any"
// when empty. Every change is written before the user is told it was saved.
import type { Db, Queryable } from './db.js';
import type { Lang } from '../domain/lang.js';

export type WatchChannel = 'telegram' | 'slack';
export type WatchList = 'markets' | 'products' | 'topics';

export interface Subscription {
  channel: WatchChannel;
  subscriber: string;
  userId: string;
  lang: Lang;
  markets: string[];
  products: string[];
  topics: string[];
}

export interface EpingNotification {
  symbol: string;
  country: string;
  area: 'TBT' | 'SPS';
  title: string;
  products: string;
  hsCodes: string[];
  commentDeadline: string | undefined;
  link: string | undefined;
}

interface SubRow {
  channel: WatchChannel;
  subscriber: string;
  user_id: string;
  lang: Lang;
  markets: string[];
  products: string[];
  topics: string[];
}

const toSub = (r: SubRow): Subscription => ({
  channel: r.channel,
  subscriber: r.subscriber,
  userId: r.user_id,
  lang: r.lang,
  markets: r.markets,
  products: r.products,
  topics: r.topics,
});

const COLUMNS = 'channel, subscriber, user_id, lang, markets, products, topics';

export const isEmptySubscription = (s: Pick<Subscription, WatchList>) =>
  s.markets.length + s.products.length + s.topics.length === 0;

export class WatchRepo {
  constructor(private readonly db: Db) {}

  async get(channel: WatchChannel, subscriber: string): Promise<Subscription | undefined> {
    const r = await this.db.query<SubRow>(
      `SELECT ${COLUMNS} FROM watch_subscriptions WHERE channel = $1 AND subscriber = $2`,
      [channel, subscriber],
    );
    return r.rows[0] ? toSub(r.rows[0]) : undefined;
  }

  /** Adds the value to the list, or takes it out if it is there; returns the subscription after. */
  async toggle(
    who: { channel: WatchChannel; subscriber: string; userId: string; lang: Lang },
    list: WatchList,
    value: string,
  ): Promise<Subscription> {
    const r = await this.db.query<SubRow>(
      `INSERT INTO watch_subscriptions (channel, subscriber, user_id, lang, ${list})
       VALUES ($1, $2, $3, $4, ARRAY[$5]::text[])
       ON CONFLICT (channel, subscriber) DO UPDATE SET
         ${list} = CASE WHEN $5 = ANY(watch_subscriptions.${list})
                        THEN array_remove(watch_subscriptions.${list}, $5)
                        ELSE array_append(watch_subscriptions.${list}, $5) END,
         lang = EXCLUDED.lang, updated_at = now()
       RETURNING ${COLUMNS}`,
      [who.channel, who.subscriber, who.userId, who.lang, value],
    );
    return toSub(r.rows[0]!);
  }

  /** Replaces the whole subscription (Slack's one-line form). */
  async set(sub: Subscription): Promise<void> {
    await this.db.query(
      `INSERT INTO watch_subscriptions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (channel, subscriber) DO UPDATE SET user_id = EXCLUDED.user_id, lang = EXCLUDED.lang,
         markets = EXCLUDED.markets, products = EXCLUDED.products, topics = EXCLUDED.topics, updated_at = now()`,
      [sub.channel, sub.subscriber, sub.userId, sub.lang, sub.markets, sub.products, sub.topics],
    );
  }

  async remove(channel: WatchChannel, subscriber: string): Promise<boolean> {
    const r = await this.db.query('DELETE FROM watch_subscriptions WHERE channel = $1 AND subscriber = $2', [
      channel,
      subscriber,
    ]);
    return r.rowCount > 0;
  }

  /** /forget: every subscription this user set up, and their chat's. */
  async forgetUser(channel: WatchChannel, userId: string): Promise<number> {
    const r = await this.db.query(
      'DELETE FROM watch_subscriptions WHERE channel = $1 AND (user_id = $2 OR subscriber = $2)',
      [channel, userId],
    );
    return r.rowCount;
  }

  /** Every subscription that watches something. */
  async all(): Promise<Subscription[]> {
    const r = await this.db.query<SubRow>(
      `SELECT ${COLUMNS} FROM watch_subscriptions
        WHERE cardinality(markets) + cardinality(products) + cardinality(topics) > 0
        ORDER BY channel, subscriber`,
    );
    return r.rows.map(toSub);
  }

  /** Stores notifications under a batch; returns those not seen before (a re-import adds nothing). */
  async saveNotifications(tx: Queryable, batch: string, list: readonly EpingNotification[]): Promise<string[]> {
    const fresh: string[] = [];
    for (const n of list) {
      const r = await tx.query<{ symbol: string }>(
        `INSERT INTO eping_notifications (symbol, batch, country, area, title, products, hs_codes, comment_deadline, link)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9) ON CONFLICT (symbol) DO NOTHING RETURNING symbol`,
        [n.symbol, batch, n.country, n.area, n.title, n.products, n.hsCodes, n.commentDeadline ?? null, n.link ?? null],
      );
      if (r.rows[0]) fresh.push(r.rows[0].symbol);
    }
    return fresh;
  }

  async notificationsOf(batch: string): Promise<EpingNotification[]> {
    const r = await this.db.query<{
      symbol: string;
      country: string;
      area: 'TBT' | 'SPS';
      title: string;
      products: string;
      hs_codes: string[];
      deadline: string | null;
      link: string | null;
    }>(
      `SELECT symbol, country, area, title, products, hs_codes, to_char(comment_deadline, 'YYYY-MM-DD') AS deadline, link
         FROM eping_notifications WHERE batch = $1 ORDER BY symbol`,
      [batch],
    );
    return r.rows.map((x) => ({
      symbol: x.symbol,
      country: x.country,
      area: x.area,
      title: x.title,
      products: x.products,
      hsCodes: x.hs_codes,
      commentDeadline: x.deadline ?? undefined,
      link: x.link ?? undefined,
    }));
  }

  /** Titles, languages and as_of of documents by id (a change's translations). */
  async documents(
    ids: readonly string[],
  ): Promise<Map<string, { lang: Lang; title: string; asOf: string | undefined; source: string | undefined }>> {
    const out = new Map<string, { lang: Lang; title: string; asOf: string | undefined; source: string | undefined }>();
    if (ids.length === 0) return out;
    const r = await this.db.query<{
      id: string;
      lang: Lang;
      title: string;
      as_of: string | null;
      source: string | null;
    }>(
      `SELECT id, lang, title, to_char(as_of, 'YYYY-MM-DD') AS as_of, sources[1] AS source
         FROM documents WHERE id = ANY($1::text[])`,
      [ids],
    );
    for (const x of r.rows)
      out.set(x.id, { lang: x.lang, title: x.title, asOf: x.as_of ?? undefined, source: x.source ?? undefined });
    return out;
  }

  /** Documents whose review_by falls in [from, to] (days, YYYY-MM-DD). */
  async reviewDue(
    from: string,
    to: string,
  ): Promise<Array<{ id: string; lang: Lang; title: string; reviewBy: string; path: string }>> {
    const r = await this.db.query<{ id: string; lang: Lang; title: string; review_by: string; path: string }>(
      `SELECT id, lang, title, to_char(review_by, 'YYYY-MM-DD') AS review_by, path FROM documents
        WHERE review_by BETWEEN $1::date AND $2::date ORDER BY review_by, id`,
      [from, to],
    );
    return r.rows.map((x) => ({ id: x.id, lang: x.lang, title: x.title, reviewBy: x.review_by, path: x.path }));
  }
}
