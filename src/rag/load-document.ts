// Reads one knowledge file into metadata and a markdown-like body: markdown with front-matter,
// or HTML, PDF and DOCX through LangChain's loaders with metadata from a `.meta.yaml` sidecar.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { detectLang } from '../i18n/detect-lang.js';
import { FrontMatterError, frontMatterSchema, parseFrontMatter, type FrontMatter } from './front-matter.js';
import { CATEGORIES } from '../domain/knowledge.js';

export type DocFormat = 'md' | 'html' | 'pdf' | 'docx';

export interface LoadedDocument {
  meta: FrontMatter;
  body: string;
  format: DocFormat;
  /** Notes for the ingest summary, e.g. metadata that was defaulted. */
  warnings: string[];
}

export const SUPPORTED_EXTENSIONS: Record<string, DocFormat> = {
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export function sidecarPath(path: string): string {
  return `${path}.meta.yaml`;
}

export async function loadDocument(path: string, root: string): Promise<LoadedDocument> {
  const format = SUPPORTED_EXTENSIONS[extname(path).toLowerCase()];
  if (!format) throw new FrontMatterError(`unsupported file type ${extname(path)}`);
  if (format === 'md') {
    const { meta, body } = parseFrontMatter(readFileSync(path, 'utf8'));
    return { meta, body, format, warnings: [] };
  }
  const { text, title } = await extractText(path, format);
  if (!text.trim()) throw new FrontMatterError(`no text could be extracted from this ${format.toUpperCase()} file`);
  const { meta, warnings } = sidecarMeta(path, root, text, title);
  return { meta, body: text, format, warnings };
}

async function extractText(path: string, format: Exclude<DocFormat, 'md'>): Promise<{ text: string; title?: string }> {
  if (format === 'html') {
    const { htmlToMarkdownish } = await import('./html-text.js');
    return htmlToMarkdownish(readFileSync(path, 'utf8'));
  }
  if (format === 'pdf') {
    const { PDFLoader } = await import('@langchain/community/document_loaders/fs/pdf');
    const docs = await new PDFLoader(path, { splitPages: false }).load();
    return { text: docs.map((d) => d.pageContent).join('\n\n') };
  }
  const { DocxLoader } = await import('@langchain/community/document_loaders/fs/docx');
  const docs = await new DocxLoader(path).load();
  return { text: docs.map((d) => d.pageContent).join('\n\n') };
}

function sidecarMeta(path: string, root: string, text: string, title: string | undefined) {
  const side = sidecarPath(path);
  if (existsSync(side)) {
    let data: unknown;
    try {
      data = parseYaml(readFileSync(side, 'utf8'), { logLevel: 'error' });
    } catch (err) {
      throw new FrontMatterError(`${basename(side)} is not valid YAML: ${(err as Error).message.split('\n')[0]}`, {
        cause: err,
      });
    }
    const parsed = frontMatterSchema.safeParse(data ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'metadata'}: ${i.message}`);
      throw new FrontMatterError(`${basename(side)}: ${problems.join('; ')}`);
    }
    return { meta: parsed.data, warnings: [] as string[] };
  }
  // No sidecar: usable defaults, reported so an operator can add the real metadata.
  const lang = detectLang(text)?.lang ?? 'en';
  const slug =
    basename(path, extname(path))
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'document';
  const folder = basename(dirname(path));
  const category = (CATEGORIES as readonly string[]).includes(folder) ? folder : 'policy';
  const asOf = statSync(path).mtime.toISOString().slice(0, 10);
  const meta = frontMatterSchema.parse({
    id: `${slug}-${lang}`,
    lang,
    title: title?.trim() || basename(path),
    category,
    sources: [`file:///${relative(root, path).split('\\').join('/')}`],
    as_of: asOf,
    review_by: asOf,
  });
  return { meta, warnings: [`no ${basename(side)}: metadata defaulted (as_of = file date)`] };
}
