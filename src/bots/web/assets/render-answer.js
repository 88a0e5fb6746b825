// One answer as a person reads it: the short answer first when there is one, the full answer (its
// [n] markers linked to the sources below), notes, route maps, and each source with its title,
// section, links, "as of" date and review state — in the language of the answer.
import { el } from './dom.js';
import { format, formatDate, htmlLang } from './texts.js';
import { renderMarkdown } from './markdown.js';

/** Markdown with its [n] markers turned into links to the numbered sources. */
export function answerText(text, citations, idFor, words) {
  const fragment = renderMarkdown(text);
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    if (node.parentElement?.closest('a, code, pre')) continue;
    const parts = node.data.split(/(\[\d{1,3}\])/);
    if (parts.length === 1) continue;
    const replaced = parts.map((part) => {
      const c = byNumber.get(Number(/^\[(\d+)\]$/.exec(part)?.[1]));
      if (!c) return part;
      return el(
        'a',
        { href: `#${idFor(c.n)}`, class: 'cite', title: format(words.sourceLink, { n: c.n, title: c.title }) },
        `[${c.n}]`,
      );
    });
    node.replaceWith(...replaced.filter((p) => p !== ''));
  }
  return fragment;
}

/** The answer while the model writes it: the same rendering, without links yet. */
export function renderDraft(container, text) {
  container.replaceChildren(el('div', { class: 'answer-text' }, renderMarkdown(text)));
}

export function renderAnswer(container, result, { words, idPrefix }) {
  const idFor = (n) => `${idPrefix}-src-${n}`;
  const citations = Array.isArray(result.citations) ? result.citations : [];
  const parts = [];
  const lead = result.lead?.text ? result.lead : undefined;
  if (lead) {
    parts.push(
      el(
        'section',
        { class: 'lead' },
        el('h3', {}, words.directAnswer),
        el('div', { class: 'answer-text' }, answerText(lead.text, citations, idFor, words)),
      ),
    );
    parts.push(
      el(
        'details',
        { class: 'full' },
        el('summary', {}, words.fullAnswer),
        el('div', { class: 'answer-text' }, answerText(result.answer, citations, idFor, words)),
      ),
    );
  } else {
    parts.push(el('div', { class: 'answer-text' }, answerText(result.answer, citations, idFor, words)));
  }
  const notices = (result.notices ?? []).filter((n) => !String(result.answer).includes(n));
  if (notices.length)
    parts.push(
      el('ul', { class: 'notices', 'aria-label': words.notices }, ...notices.map((n) => el('li', {}, String(n)))),
    );
  for (const map of routeMaps(result, words)) parts.push(map);
  if (citations.length) parts.push(sourceList(citations, result.lang, idFor, words));
  container.replaceChildren(...parts);
  container.lang = htmlLang(result.lang);
}

function sourceList(citations, lang, idFor, words) {
  return el(
    'section',
    { class: 'sources' },
    el('h3', {}, words.sources),
    el(
      'ol',
      {},
      ...citations.map((c) => {
        const section = (c.headingPath ?? []).slice(1).join(' › ');
        const links = (c.sources?.length ? c.sources : c.source ? [c.source] : []).filter(isWebLink);
        const meta = [];
        if (c.asOf) meta.push(el('span', {}, format(words.asOf, { date: formatDate(c.asOf, lang) })));
        if (c.stale) meta.push(el('span', { class: 'stale' }, `⚠ ${words.stale}`));
        else if (c.reviewBy) meta.push(el('span', {}, format(words.reviewBy, { date: formatDate(c.reviewBy, lang) })));
        if (c.translatedFrom) meta.push(el('span', {}, words.translated));
        return el(
          'li',
          { id: idFor(c.n), value: c.n, tabindex: '-1' },
          el('span', { class: 'source-title' }, String(c.title)),
          section ? el('span', { class: 'source-section' }, format(words.section, { section })) : undefined,
          links.length
            ? el(
                'span',
                { class: 'source-links' },
                ...links.map((href) =>
                  el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, linkLabel(href)),
                ),
              )
            : undefined,
          meta.length ? el('span', { class: 'source-meta' }, ...joinWith(meta, ' · ')) : undefined,
        );
      }),
    ),
  );
}

/** The route map of each plan_route call that found routes, drawn by the server from the call's input. */
function routeMaps(result, words) {
  return (result.toolCalls ?? [])
    .filter((c) => c.name === 'plan_route' && !c.error && c.input && Number(c.output?.routes) > 0)
    .map((c) => {
      // The places as the answer names them ("Циндао → Алматы" from the summary's head line), not the
      // planner's ids ("qingdao → almaty").
      const head = String(c.output?.summary ?? '')
        .split('\n')
        .find((line) => line.includes(' → '));
      const [from, to] = head ? head.replace(/:\s*$/, '').split(' → ') : [String(c.input.from), String(c.input.to)];
      const caption = format(words.routeMap, { from, to });
      const lang = encodeURIComponent(result.lang ?? '');
      const src = `/api/route-map.png?input=${encodeURIComponent(JSON.stringify(c.input))}&lang=${lang}`;
      return el(
        'figure',
        { class: 'route-map' },
        el('img', { src, alt: caption, width: 1000, height: 560, loading: 'lazy' }),
        el('figcaption', {}, caption),
      );
    });
}

function isWebLink(href) {
  try {
    return ['http:', 'https:'].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

function linkLabel(href) {
  const u = new URL(href);
  let path = u.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape: the raw path is still a readable label.
  }
  path = path.replace(/\/$/, '');
  const label = u.host.replace(/^www\./, '') + path;
  return label.length > 60 ? `${label.slice(0, 57)}…` : label;
}

function joinWith(nodes, separator) {
  return nodes.flatMap((n, i) => (i === 0 ? [n] : [separator, n]));
}
