// Changes the staff console makes to a knowledge document, through the files in KNOWLEDGE_DIR (the
// source of truth that ingest reads), never around them:
//  - a re-check writes today's as_of and the reviewer's review_by into the document's front-matter
//    (or its .meta.yaml sidecar), ingests, and records who re-checked it, when and why;
//  - an uploaded version (Markdown, PDF, DOCX) is linted on its own in a staging folder first; on
//    any problem nothing is touched. Otherwise the current file is copied aside, the new one takes
//    its place and is ingested; if ingest fails the old file comes back. Either way the old version
//    stays searchable until the new one is in.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import type { DocumentListRow, DocumentReviews } from '../store/document-reviews.js';
import { FrontMatterError, parseFrontMatter, type FrontMatter } from './front-matter.js';
import type { IngestSummary } from './ingest.js';
import { addMonths, REVIEW_MONTHS } from './knowledge-rules.js';
import { documentProblems } from './lint-knowledge.js';
import { loadDocument, sidecarPath, SUPPORTED_EXTENSIONS } from './load-document.js';

const UPLOAD_FORMATS = new Set(['md', 'pdf', 'docx']);

export interface DocumentEditsDeps {
  knowledgeDir: string;
  /** Where replaced versions are kept (DATA_DIR/document-versions). */
  versionsDir: string;
  reviews: DocumentReviews;
  ingest: () => Promise<IngestSummary>;
  now?: () => Date;
}

export type UploadResult = { ok: true } | { ok: false; problems: string[] };

export class DocumentEditError extends Error {
  override readonly name = 'DocumentEditError';
}

export class DocumentEdits {
  /** One edit at a time: each rewrites files and ingests, and two interleaved would restore each other's files. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: DocumentEditsDeps) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The latest review_by the lint allows for a document checked today (its volatility's months). */
  defaultReviewBy(doc: DocumentListRow): string {
    const today = this.now().toISOString().slice(0, 10);
    const volatility = this.metaOf(doc).volatility;
    return addMonths(today, volatility ? REVIEW_MONTHS[volatility] : 12);
  }

  private metaSource(doc: DocumentListRow): { file: string; text: string } {
    const full = join(this.deps.knowledgeDir, doc.path);
    const file = doc.format === 'md' ? full : sidecarPath(full);
    if (!existsSync(file)) throw new DocumentEditError(`${doc.path}: the file is not in the knowledge folder`);
    return { file, text: readFileSync(file, 'utf8') };
  }

  private metaOf(doc: DocumentListRow): Partial<FrontMatter> {
    try {
      const { text } = this.metaSource(doc);
      return doc.format === 'md' ? parseFrontMatter(text).meta : ((parseYamlLoose(text) ?? {}) as Partial<FrontMatter>);
    } catch {
      return {};
    }
  }

  recheck(
    doc: DocumentListRow,
    by: string,
    note: string,
    reviewBy: string,
  ): Promise<{ asOf: string; reviewBy: string }> {
    return this.serial(() => this.recheckNow(doc, by, note, reviewBy));
  }

  upload(doc: DocumentListRow, by: string, file: { fileName: string; data: Buffer }): Promise<UploadResult> {
    return this.serial(() => this.uploadNow(doc, by, file));
  }

  private async recheckNow(
    doc: DocumentListRow,
    by: string,
    note: string,
    reviewBy: string,
  ): Promise<{ asOf: string; reviewBy: string }> {
    const asOf = this.now().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(reviewBy) || reviewBy < asOf)
      throw new DocumentEditError(`review_by must be a date from ${asOf} on`);
    const volatility = this.metaOf(doc).volatility;
    if (volatility && reviewBy > addMonths(asOf, REVIEW_MONTHS[volatility]))
      throw new DocumentEditError(
        `review_by may be at most ${addMonths(asOf, REVIEW_MONTHS[volatility])} (volatility ${volatility})`,
      );
    const { file, text } = this.metaSource(doc);
    writeFileSync(file, setDates(text, asOf, reviewBy, doc.format === 'md'));
    const summary = await this.deps.ingest();
    const failed = summary.failed.find((f) => f.path === doc.path);
    if (failed) {
      writeFileSync(file, text);
      await this.deps.ingest();
      throw new DocumentEditError(`${doc.path}: ${failed.error}`);
    }
    await this.deps.reviews.recordReview(
      {
        docId: doc.id,
        reviewer: by,
        note,
        asOfBefore: doc.asOf,
        reviewByBefore: doc.reviewBy,
        asOfAfter: asOf,
        reviewByAfter: reviewBy,
      },
      this.now(),
    );
    return { asOf, reviewBy };
  }

  private async uploadNow(
    doc: DocumentListRow,
    by: string,
    upload: { fileName: string; data: Buffer },
  ): Promise<UploadResult> {
    const ext = extname(upload.fileName).toLowerCase();
    const format = SUPPORTED_EXTENSIONS[ext];
    const record = (
      outcome: 'ingested' | 'lint-failed' | 'ingest-failed',
      problems: string[],
      keptCopy: string | null,
    ) =>
      this.deps.reviews.recordUpload(
        { docId: doc.id, uploadedBy: by, fileName: upload.fileName, outcome, problems, keptCopy },
        this.now(),
      );
    if (!format || !UPLOAD_FORMATS.has(format)) {
      const problems = [`${upload.fileName}: send Markdown (.md), PDF (.pdf) or DOCX (.docx)`];
      await record('lint-failed', problems, null);
      return { ok: false, problems };
    }
    // The new file keeps the document's place: same folder and name, the uploaded format's extension.
    const oldRel = doc.path;
    const newRel = `${oldRel.slice(0, oldRel.length - extname(oldRel).length)}${format === 'md' ? '.md' : ext}`;
    const sidecar = format === 'md' ? undefined : toYaml(this.sidecarMeta(doc));
    const problems = await this.lintStaged(newRel, upload.data, sidecar, doc.id);
    if (problems.length) {
      await record('lint-failed', problems, null);
      return { ok: false, problems };
    }

    const root = this.deps.knowledgeDir;
    const oldFull = join(root, oldRel);
    const newFull = join(root, newRel);
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const keepDir = join(this.deps.versionsDir, doc.id);
    mkdirSync(keepDir, { recursive: true });
    const kept = join(keepDir, `${stamp}-${basename(oldRel)}`);
    const saved: Array<{ path: string; body: Buffer }> = [];
    for (const p of [oldFull, sidecarPath(oldFull), newFull, sidecarPath(newFull)])
      if (existsSync(p) && !saved.some((s) => s.path === p)) saved.push({ path: p, body: readFileSync(p) });
    if (existsSync(oldFull)) copyFileSync(oldFull, kept);
    if (existsSync(sidecarPath(oldFull))) copyFileSync(sidecarPath(oldFull), sidecarPath(kept));

    if (newRel !== oldRel) {
      for (const p of [oldFull, sidecarPath(oldFull)]) if (existsSync(p)) unlinkSync(p);
    }
    writeFileSync(newFull, upload.data);
    if (sidecar !== undefined) writeFileSync(sidecarPath(newFull), sidecar);
    else if (existsSync(sidecarPath(newFull))) unlinkSync(sidecarPath(newFull));
    const summary = await this.deps.ingest();
    const failed = summary.failed.find((f) => f.path === newRel);
    if (failed) {
      // Back as it was: the new files go, the old ones return; the store still has the old version.
      for (const p of [newFull, sidecarPath(newFull)]) if (existsSync(p)) unlinkSync(p);
      for (const s of saved) writeFileSync(s.path, s.body);
      await this.deps.ingest();
      await record('ingest-failed', [failed.error], kept);
      return { ok: false, problems: [failed.error] };
    }
    await record('ingested', [], kept);
    return { ok: true };
  }

  /** PDF and DOCX carry no front-matter: the document's current metadata goes in their sidecar. */
  private sidecarMeta(doc: DocumentListRow): Record<string, unknown> {
    const meta = this.metaOf(doc);
    return {
      id: doc.id,
      lang: doc.lang,
      ...(doc.translations.length ? { translations: doc.translations } : {}),
      title: doc.title,
      category: doc.category,
      countries: doc.countries,
      sources: meta.sources ?? [],
      as_of: doc.asOf,
      review_by: doc.reviewBy,
      ...(meta.volatility ? { volatility: meta.volatility } : {}),
    };
  }

  /** The upload alone in a staging folder shaped like the knowledge folder: loaded and linted there. */
  private async lintStaged(rel: string, data: Buffer, sidecar: string | undefined, docId: string): Promise<string[]> {
    const stage = mkdtempSync(join(tmpdir(), 'sco-upload-'));
    try {
      const full = join(stage, rel);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, data);
      if (sidecar !== undefined) writeFileSync(sidecarPath(full), sidecar);
      let loaded;
      try {
        loaded = await loadDocument(full, stage);
      } catch (err) {
        return [
          err instanceof FrontMatterError ? err.message : `the file could not be read: ${(err as Error).message}`,
        ];
      }
      const problems: string[] = [];
      if (loaded.meta.id !== docId)
        problems.push(`id is ${loaded.meta.id}; a new version of ${docId} must keep its id`);
      if (loaded.format === 'md') problems.push(...documentProblems(rel, loaded.meta, loaded.body));
      else if (!loaded.body.trim()) problems.push('no text could be extracted from the file');
      return problems;
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  }
}

/** as_of and review_by replaced in a front-matter block (Markdown) or a sidecar (YAML). */
export function setDates(text: string, asOf: string, reviewBy: string, frontMatter: boolean): string {
  const replace = (block: string) => {
    let out = block;
    for (const [key, value] of [
      ['as_of', asOf],
      ['review_by', reviewBy],
    ] as const) {
      const re = new RegExp(`^${key}:.*$`, 'm');
      out = re.test(out) ? out.replace(re, `${key}: ${value}`) : `${out.replace(/\n?$/, '\n')}${key}: ${value}`;
    }
    return out;
  };
  if (!frontMatter) return replace(text);
  const m = /^(\uFEFF?---\r?\n)([\s\S]*?)(\r?\n---)/.exec(text);
  if (!m) throw new DocumentEditError('the document has no front-matter to update');
  return `${m[1]}${replace(m[2]!)}${text.slice(m[1]!.length + m[2]!.length)}`;
}

function parseYamlLoose(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}
