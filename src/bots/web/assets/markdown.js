// Answer text as markdown, made safe: HTML written in a passage or by the model is shown as text
// (escaped by marked's renderer), and DOMPurify then lets through only the few tags an answer needs,
// so even a bug in the first step cannot run a script or load an image from elsewhere.
import { Marked } from './vendor/marked.js';
import DOMPurify from './vendor/purify.js';

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // The page has its own h1/h2; an answer's headings sit below them.
    heading({ tokens, depth }) {
      const level = Math.min(depth + 2, 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    // A picture from elsewhere is not loaded (and the policy would refuse it): its link is shown.
    image: ({ href, text }) => `<a href="${escapeHtml(href ?? '')}">${escapeHtml(text || href || '')}</a>`,
  },
});

const ALLOWED = {
  ALLOWED_TAGS: [
    'p',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'del',
    'code',
    'pre',
    'blockquote',
    'hr',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  ALLOWED_ATTR: ['href', 'title', 'start'],
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Markdown → a sanitised DocumentFragment. */
export function renderMarkdown(text) {
  return DOMPurify.sanitize(marked.parse(String(text ?? '')), ALLOWED);
}
