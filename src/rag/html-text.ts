// HTML to the markdown-like text the splitter reads: headings become "#" lines so that the
// heading path survives; everything else is html-to-text's plain rendering.
import { convert } from 'html-to-text';

export function htmlToMarkdownish(html: string): { text: string; title?: string } {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
  const headings = [1, 2, 3, 4, 5, 6].map((level) => ({
    selector: `h${level}`,
    format: 'markdownHeading',
    options: { level },
  }));
  const text = convert(html, {
    wordwrap: false,
    selectors: [
      ...headings,
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'nav', format: 'skip' },
    ],
    formatters: {
      markdownHeading(elem, walk, builder, options) {
        builder.openBlock({ leadingLineBreaks: 2 });
        builder.addInline(`${'#'.repeat((options as { level?: number }).level ?? 2)} `);
        walk(elem.children, builder);
        builder.closeBlock({ trailingLineBreaks: 2 });
      },
    },
  });
  return title ? { text, title } : { text };
}
