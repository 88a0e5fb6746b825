// Answers as Slack Block Kit: mrkdwn text (escaped), a context block of numbered sources with
// links and dates, and the feedback / escalation buttons; long text split across section blocks.
import type { AskResult, Citation } from '../../domain/answer.js';
import { t } from '../../i18n/messages.js';
import { slackText } from '../../i18n/slack-texts.js';
import type { Lang } from '../../domain/lang.js';
import { hostOf } from '../../domain/source-url.js';

export const SECTION_LIMIT = 3000; // characters of text in one section block
const MAX_BLOCKS = 50;
const CONTEXT_ELEMENTS = 10;

/** Slack mrkdwn needs &, < and > escaped; **bold** becomes *bold*. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function toMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/\*\*([^*\n]{1,200})\*\*/g, '*$1*');
}

function link(c: Citation): string {
  const title = escapeMrkdwn(c.title).replace(/\|/g, '¦');
  return c.source && /^https?:\/\/[^\s|<>]+$/.test(c.source) ? `<${c.source}|${title}>` : title;
}

export function sourceLine(c: Citation, lang: Lang): string {
  const date = c.asOf ? ` (${slackText(lang, 'asOf')} ${c.asOf}${c.stale ? `; ${t(lang, 'stale')}` : ''})` : '';
  // The passage's other sources by host name, after the title (which links to the first).
  const more = c.sources
    .slice(1)
    .filter((u) => /^https?:\/\/[^\s|<>]+$/.test(u))
    .map((u) => `<${u}|${hostOf(u)}>`);
  return `[${c.n}] ${link(c)}${more.length ? ` · ${more.join(' · ')}` : ''}${date}`;
}

/** Splits text into pieces of at most `limit` characters at paragraph, line or word breaks. */
export function splitText(text: string, limit = SECTION_LIMIT): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > limit * 0.3 ? cut : limit;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

export type Block = Record<string, unknown>;

export function answerBlocks(result: AskResult, answerId: number): Block[] {
  const lang = result.lang;
  const notices = result.mode === 'llm' ? result.notices.map((n) => `_${escapeMrkdwn(n)}_`) : [];
  // Without a model the direct answer comes first, on its own; the passages follow it, then the sources.
  const lead =
    result.mode === 'retrieval-only' && result.lead && result.citations.length
      ? [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: `*${toMrkdwn(result.lead.text).slice(0, SECTION_LIMIT - 2)}*` },
          },
        ]
      : [];
  const at = lead.length ? result.answer.indexOf(result.lead!.text) : -1;
  const body =
    at >= 0
      ? `${result.answer.slice(0, at)}${result.answer.slice(at + result.lead!.text.length)}`.trim()
      : result.answer;
  const text = [toMrkdwn(body), ...notices].filter(Boolean).join('\n\n');
  const blocks: Block[] = [
    ...lead,
    ...(lead.length ? [{ type: 'divider' }] : []),
    ...splitText(text).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } })),
  ];
  if (result.citations.length) {
    const lines = result.citations.map((c) => sourceLine(c, lang));
    // A context block holds at most 10 elements; each element's text stays within the section limit.
    const elements = [`*${slackText(lang, 'sources')}*`, ...lines]
      .slice(0, CONTEXT_ELEMENTS)
      .map((t) => ({ type: 'mrkdwn', text: t.slice(0, SECTION_LIMIT) }));
    blocks.push({ type: 'context', elements });
  }
  blocks.push({
    type: 'actions',
    block_id: `answer:${answerId}`,
    elements: [
      {
        type: 'button',
        action_id: 'feedback_up',
        text: { type: 'plain_text', text: slackText(lang, 'helpful'), emoji: true },
        value: String(answerId),
      },
      {
        type: 'button',
        action_id: 'feedback_down',
        text: { type: 'plain_text', text: slackText(lang, 'notHelpful'), emoji: true },
        value: String(answerId),
      },
      {
        type: 'button',
        action_id: 'escalate_legal',
        text: { type: 'plain_text', text: slackText(lang, 'escalate'), emoji: true },
        value: String(answerId),
        style: 'danger',
      },
    ],
  });
  return blocks.length > MAX_BLOCKS ? [...blocks.slice(0, MAX_BLOCKS - 2), ...blocks.slice(-2)] : blocks;
}

/** The plain-text fallback Slack shows in notifications. */
export function fallbackText(result: AskResult): string {
  return result.answer.slice(0, 300);
}
