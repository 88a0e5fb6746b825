// A regulation-watch digest as Telegram HTML: each changed document's title, what changed (its
// sections, the new dates and figures, a sentence or two of the new text) and its citation with the
// new as_of; ePing notifications with country, product, comment deadline and link; the staff
// reminder. Always under Telegram's 4096 characters (whole items are dropped and counted), and a
// digest to an exporter carries the unsubscribe button.
import type { WatchDigest } from '../../domain/watch.js';
import { marketName } from '../../domain/markets.js';
import { LANG_NAMES, watchText } from '../../i18n/watch-texts.js';
import { escapeHtml, TELEGRAM_LIMIT } from './telegram-format.js';

interface DigestMessage {
  text: string;
  replyMarkup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
}

const link = (url: string | undefined) => {
  if (!url) return '';
  const host = /^https?:\/\/([^/]+)/.exec(url)?.[1] ?? url;
  return `<a href="${escapeHtml(url)}">${escapeHtml(host)}</a>`;
};

function items(d: WatchDigest): string[] {
  const t = (k: Parameters<typeof watchText>[1], p?: Record<string, string | number>) =>
    escapeHtml(watchText(d.lang, k, p));
  switch (d.kind) {
    case 'changes':
      return d.docs.map((doc) => {
        const lines = [`<b>${escapeHtml(doc.title)}</b>`];
        if (doc.action === 'added') lines.push(t('added'));
        else if (doc.action === 'removed') lines.push(t('removed'));
        else lines.push(t('changed', { sections: doc.sections.map((s) => `«${s}»`).join(', ') || '—' }));
        if (doc.otherLang) lines.push(`<i>${t('otherLang', { lang: LANG_NAMES[d.lang][doc.otherLang] })}</i>`);
        const news = [
          ...(doc.dates.length ? [`${t('newDates')}: ${escapeHtml(doc.dates.join(', '))}`] : []),
          ...(doc.figures.length ? [`${t('newFigures')}: ${escapeHtml(doc.figures.join(', '))}`] : []),
        ];
        if (news.length) lines.push(news.join('; '));
        if (doc.excerpt) lines.push(`<i>${escapeHtml(doc.excerpt)}</i>`);
        if (doc.source || doc.asOf)
          lines.push(`${t('source')}: ${link(doc.source)}${doc.asOf ? `, ${t('asOf')} ${escapeHtml(doc.asOf)}` : ''}`);
        return lines.join('\n');
      });
    case 'eping':
      return d.notices.map((n) =>
        [
          `<b>${escapeHtml(marketName(n.country, d.lang))} · ${n.area} · ${escapeHtml(n.symbol)}</b>`,
          escapeHtml(n.title),
          ...(n.products ? [escapeHtml(n.products)] : []),
          ...(n.deadline ? [`${t('epingDeadline')}: ${escapeHtml(n.deadline)}`] : []),
          ...(n.link ? [link(n.link)] : []),
        ].join('\n'),
      );
    case 'review':
      return d.docs.map((doc) => `• ${escapeHtml(doc.title)} — ${t('reviewBy')} ${escapeHtml(doc.reviewBy)}`);
  }
}

export function renderWatchDigest(d: WatchDigest): DigestMessage {
  const head =
    d.kind === 'changes'
      ? watchText(d.lang, 'digestTitle')
      : d.kind === 'eping'
        ? watchText(d.lang, 'epingTitle')
        : watchText(d.lang, 'reviewTitle', { n: d.docs.length + d.more });
  const parts = items(d);
  let more = d.more;
  const compose = () =>
    [
      `<b>${escapeHtml(head)}</b>`,
      ...parts,
      ...(more ? [escapeHtml(watchText(d.lang, 'more', { n: more }))] : []),
    ].join('\n\n');
  let text = compose();
  while (text.length > TELEGRAM_LIMIT && parts.length > 1) {
    parts.pop();
    more++;
    text = compose();
  }
  if (text.length > TELEGRAM_LIMIT) text = `${text.slice(0, TELEGRAM_LIMIT - 1)}…`;
  return d.kind === 'review'
    ? { text }
    : { text, replyMarkup: { inline_keyboard: [[{ text: watchText(d.lang, 'unsubscribe'), callback_data: 'wu' }]] } };
}
