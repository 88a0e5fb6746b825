// `/advisor watch …` in Slack subscribes the channel it is typed in (a staff channel) to the
// regulation watch in one line, and renders the watch's outbox rows (digests, ePing notifications,
// the weekly review reminder) as Slack mrkdwn.
import type { Lang } from '../../domain/lang.js';
import { detectMarkets, marketName } from '../../domain/markets.js';
import type { WatchDigest } from '../../domain/watch.js';
import { LANG_NAMES, watchText } from '../../i18n/watch-texts.js';
import { isEmptySubscription, type Subscription, type WatchRepo } from '../../store/watch-repo.js';
import { itemName, WATCH_MARKETS, watchItem } from '../../watch/watch-options.js';
import { escapeMrkdwn } from './slack-format.js';

function describe(sub: Pick<Subscription, 'markets' | 'products' | 'topics'>, lang: Lang): string {
  const names = (ids: readonly string[]) =>
    ids.length ? ids.map((id) => itemName(id, lang)).join(', ') : watchText(lang, 'any');
  return `${watchText(lang, 'markets')}: ${names(sub.markets)}. ${watchText(lang, 'subjects')}: ${names([...sub.products, ...sub.topics])}.`;
}

/** `RU KZ marking tr-cu-004 hs84 customs`, `off`, or nothing (show). Returns the reply. */
export async function slackWatch(
  repo: WatchRepo,
  text: string,
  who: { channel: string; userId: string; lang: Lang },
): Promise<string> {
  const { lang } = who;
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) {
    const sub = await repo.get('slack', who.channel);
    return sub && !isEmptySubscription(sub)
      ? watchText(lang, 'current', { list: describe(sub, lang) }).split('\n')[0]!
      : `${watchText(lang, 'slackNone')}\n${watchText(lang, 'slackUsage')}`;
  }
  if (words.length === 1 && /^(off|stop|unsubscribe)$/i.test(words[0]!)) {
    await repo.remove('slack', who.channel);
    return watchText(lang, 'slackOff');
  }
  const sub: Subscription = {
    channel: 'slack',
    subscriber: who.channel,
    userId: who.userId,
    lang,
    markets: [],
    products: [],
    topics: [],
  };
  const unknown: string[] = [];
  for (const word of words) {
    // tr-cu-004 and tr-eaeu-037 as in the documents' names; "Russia", "Казахстан" as markets.
    const id = word
      .toLowerCase()
      .replace(/^tr-(cu|eaeu)-/, 'tr-')
      .replace(/^hs-?/, 'hs');
    const item = watchItem(id) ?? watchItem(detectMarkets(word).find((c) => WATCH_MARKETS.includes(c)) ?? '');
    if (!item) unknown.push(word);
    else {
      const list = item.kind === 'market' ? sub.markets : item.kind === 'product' ? sub.products : sub.topics;
      if (!list.includes(item.id)) list.push(item.id);
    }
  }
  if (unknown.length)
    return `${watchText(lang, 'slackUnknown', { words: unknown.join(', ') })}\n${watchText(lang, 'slackUsage')}`;
  await repo.set(sub);
  return watchText(lang, 'saved', { list: describe(sub, lang) });
}

const link = (url: string | undefined) => (url ? `<${url}>` : '');

export function slackWatchText(d: WatchDigest): string {
  const t = (k: Parameters<typeof watchText>[1], p?: Record<string, string | number>) => watchText(d.lang, k, p);
  const lines: string[] = [];
  if (d.kind === 'changes') {
    lines.push(`*${t('digestTitle')}*`);
    for (const doc of d.docs) {
      lines.push(`\n*${escapeMrkdwn(doc.title)}*`);
      lines.push(
        doc.action === 'added'
          ? t('added')
          : doc.action === 'removed'
            ? t('removed')
            : t('changed', { sections: doc.sections.map((s) => `«${escapeMrkdwn(s)}»`).join(', ') || '—' }),
      );
      if (doc.otherLang) lines.push(`_${t('otherLang', { lang: LANG_NAMES[d.lang][doc.otherLang] })}_`);
      if (doc.dates.length) lines.push(`${t('newDates')}: ${escapeMrkdwn(doc.dates.join(', '))}`);
      if (doc.figures.length) lines.push(`${t('newFigures')}: ${escapeMrkdwn(doc.figures.join(', '))}`);
      if (doc.excerpt) lines.push(`> ${escapeMrkdwn(doc.excerpt)}`);
      lines.push(`${t('source')}: ${link(doc.source)}${doc.asOf ? `, ${t('asOf')} ${doc.asOf}` : ''}`);
    }
  } else if (d.kind === 'eping') {
    lines.push(`*${t('epingTitle')}*`);
    for (const n of d.notices)
      lines.push(
        `\n*${marketName(n.country, d.lang)} · ${n.area} · ${n.symbol}*\n${escapeMrkdwn(n.title)}${n.products ? `\n${escapeMrkdwn(n.products)}` : ''}${n.deadline ? `\n${t('epingDeadline')}: ${n.deadline}` : ''}${n.link ? `\n${link(n.link)}` : ''}`,
      );
  } else {
    lines.push(`*${t('reviewTitle', { n: d.docs.length + d.more })}*`);
    for (const doc of d.docs)
      lines.push(`• ${escapeMrkdwn(doc.title)} — ${t('reviewBy')} ${doc.reviewBy} (\`${doc.path}\`)`);
  }
  if (d.more) lines.push(`\n${t('more', { n: d.more })}`);
  lines.push(`\n_/advisor watch off_`);
  return lines.join('\n');
}
