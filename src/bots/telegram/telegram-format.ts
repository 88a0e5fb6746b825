// Answers as Telegram HTML: escaped text, **bold** kept, sources as a numbered list with links and
// dates, split into messages of at most 4,096 characters on paragraph boundaries.
import type { Citation } from '../../domain/answer.js';
import { t } from '../../i18n/messages.js';
import { telegramText } from '../../i18n/telegram-texts.js';
import type { Lang } from '../../domain/lang.js';
import { hostOf } from '../../domain/source-url.js';

export const TELEGRAM_LIMIT = 4096;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Model or passage text → Telegram HTML (only the markup we produce survives). */
export function answerToHtml(text: string): string {
  return escapeHtml(text).replace(/\*\*([^*\n]{1,200})\*\*/g, '<b>$1</b>');
}

function safeUrl(u: string | undefined): string | undefined {
  return u && /^https?:\/\/[^\s"<>]+$/.test(u) ? u : undefined;
}

export function sourcesHtml(citations: readonly Citation[], lang: Lang, expanded = false): string {
  if (citations.length === 0) return '';
  const lines = citations.map((c) => {
    const url = safeUrl(c.source);
    const title = url ? `<a href="${escapeHtml(url)}">${escapeHtml(c.title)}</a>` : escapeHtml(c.title);
    // A document past review still answers; the reader is told plainly, not alarmed.
    const date = c.asOf
      ? ` (${telegramText(lang, 'asOf')} ${c.asOf}${c.stale ? `; ${escapeHtml(t(lang, 'stale'))}` : ''})`
      : '';
    // The passage's other sources, by host name, after the title (which links to the first).
    const more = c.sources
      .slice(1)
      .map(safeUrl)
      .filter((u): u is string => u !== undefined)
      .map((u) => `<a href="${escapeHtml(u)}">${escapeHtml(hostOf(u))}</a>`);
    const section =
      expanded && c.headingPath.length > 1 ? `\n<i>${escapeHtml(c.headingPath.slice(1).join(' › '))}</i>` : '';
    const excerpt = expanded ? `\n<blockquote>${escapeHtml(c.excerpt)}</blockquote>` : '';
    return `[${c.n}] ${title}${more.length ? ` · ${more.join(' · ')}` : ''}${date}${section}${excerpt}`;
  });
  return `<b>${escapeHtml(telegramText(lang, 'sourcesTitle'))}</b>\n${lines.join(expanded ? '\n\n' : '\n')}`;
}

/** Splits HTML into messages within the limit: at paragraph breaks, else line breaks, else spaces; tags stay balanced. */
export function splitHtml(html: string, limit = TELEGRAM_LIMIT): string[] {
  const out: string[] = [];
  let current = '';
  for (const para of html.split(/\n{2,}/)) {
    const candidate = current ? `${current}\n\n${para}` : para;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current) out.push(current);
    current = '';
    if (para.length <= limit) current = para;
    else {
      const pieces = hardSplit(para, limit);
      out.push(...pieces.slice(0, -1));
      current = pieces.at(-1) ?? '';
    }
  }
  if (current) out.push(current);
  return out;
}

// Cuts one long paragraph at whitespace outside tags, closing open tags at each cut and reopening them after.
function hardSplit(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  let reopen = '';
  while (rest.length + reopen.length > limit) {
    const budget = limit - reopen.length - 20;
    let cut = -1;
    let inTag = false;
    for (let i = 0; i < Math.min(rest.length, budget); i++) {
      const ch = rest[i];
      if (ch === '<') inTag = true;
      else if (ch === '>') inTag = false;
      else if (!inTag && (ch === ' ' || ch === '\n')) cut = i;
    }
    if (cut <= 0) cut = safeCut(rest, budget);
    const head = reopen + rest.slice(0, cut);
    const open = openTags(head);
    parts.push(
      head +
        open
          .map((t) => `</${t.name}>`)
          .reverse()
          .join(''),
    );
    reopen = open.map((t) => t.raw).join('');
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  parts.push(reopen + rest);
  return parts;
}

function safeCut(s: string, budget: number): number {
  let cut = budget;
  const lt = s.lastIndexOf('<', cut);
  if (lt >= 0 && s.indexOf('>', lt) >= cut) cut = lt;
  const amp = s.lastIndexOf('&', cut);
  if (amp >= 0 && amp > cut - 8 && s.indexOf(';', amp) >= cut) cut = amp;
  return Math.max(1, cut);
}

function openTags(html: string): Array<{ name: string; raw: string }> {
  const stack: Array<{ name: string; raw: string }> = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (m[1]) stack.pop();
    else stack.push({ name: m[2]!, raw: m[0] });
  }
  return stack;
}
