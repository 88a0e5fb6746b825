// Incremental ingestion of knowledge/: a file whose bytes (and sidecar, splitter and embedder)
// are unchanged is skipped; a changed one is re-split and re-embedded; a deleted one is removed.
// A file that fails to parse is reported and its previously ingested version is kept. Changed files
// are written a group at a time, one transaction and a few multi-row inserts per group.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { DocMeta } from '../domain/knowledge.js';
import type { DocumentChange } from '../domain/watch.js';
import type { ChangeRecord, DocumentRow, KnowledgeRepo, NewChunk, StoredVersion } from '../store/knowledge-repo.js';
import { diffSections, sectionsOf } from './document-diff.js';
import type { Embedder } from './embedder.js';
import { loadDocument, sidecarPath, SUPPORTED_EXTENSIONS, type LoadedDocument } from './load-document.js';
import { SPLITTER_VERSION, splitMarkdown } from './split-text.js';

export interface IngestProgress {
  done: number;
  total: number;
  path: string;
  action: 'added' | 'changed' | 'unchanged' | 'failed';
}

export interface IngestSummary {
  runId: number;
  embedder: string;
  files: number;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  chunks: number;
  failed: { path: string; error: string }[];
  warnings: { path: string; warning: string }[];
}

export class IngestError extends Error {
  override readonly name = 'IngestError';
}

// A group is written when it holds this many files or chunks: few transactions, bounded memory.
const GROUP_FILES = 32;
const GROUP_CHUNKS = 400;

interface Pending {
  path: string;
  doc: DocumentRow;
  chunks: NewChunk[];
  warnings: string[];
  before: boolean;
  beforeId: string | undefined;
}

export async function ingestKnowledge(opts: {
  root: string;
  repo: KnowledgeRepo;
  embedder: Embedder;
  onProgress?: (p: IngestProgress) => void;
  /** Called once before the first change to the stored knowledge (a saved index stops being valid). */
  beforeChange?: () => void | Promise<void>;
}): Promise<IngestSummary> {
  const { root, repo, embedder } = opts;
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new IngestError(`knowledge directory ${root} does not exist; nothing was changed`);
  }
  const files = listKnowledgeFiles(root);
  const stored = await repo.documentRefs();
  const storedByPath = new Map(stored.map((s) => [s.path, s]));
  const summary: IngestSummary = {
    runId: await repo.startRun(embedder.id),
    embedder: embedder.id,
    files: files.length,
    added: [],
    changed: [],
    removed: [],
    unchanged: 0,
    chunks: 0,
    failed: [],
    warnings: [],
  };
  // Which path owns each id, so two files claiming one id are caught instead of overwriting.
  const idOwner = new Map(stored.map((s) => [s.id, s.path]));
  const present = new Set(files.map((f) => relPath(root, f)));
  // Every ingest logs what it changed per document (the regulation watch alerts from this log); the
  // first ingest of an empty store logs too, but nobody is alerted about a whole knowledge base.
  const changeBatch = { name: `ingest:${summary.runId}`, source: 'ingest' as const, initial: stored.length === 0 };
  const logOf = (items: readonly Pending[], versions: Map<string, StoredVersion>): ChangeRecord => ({
    batch: changeBatch,
    changes: items.map((p) => documentChange(p, p.before ? versions.get(p.path) : undefined)),
  });
  for (const [id, path] of idOwner) if (!present.has(path)) idOwner.delete(id);

  let changing = false;
  const change = async () => {
    if (!changing) await opts.beforeChange?.();
    changing = true;
  };
  let group: Pending[] = [];
  // `done` counts files as they are settled: a changed file is settled when its group is written.
  let done = 0;
  const report = (path: string, action: IngestProgress['action']) =>
    opts.onProgress?.({ done: ++done, total: files.length, path, action });
  const flush = async () => {
    if (group.length === 0) return;
    const batch = group;
    group = [];
    await change();
    const versions = await repo.storedVersions(batch.filter((p) => p.before).map((p) => p.path));
    try {
      await repo.replaceDocuments(batch, embedder.id, logOf(batch, versions));
    } catch {
      // One bad row must not cost the whole group: write its files one by one and name the culprit.
      for (const p of batch) {
        try {
          await repo.replaceDocuments([p], embedder.id, logOf([p], versions));
        } catch (err) {
          p.chunks = [];
          summary.failed.push({ path: p.path, error: (err as Error).message });
          // The stored version (if any) stays, and so does its claim on its id.
          idOwner.delete(p.doc.id);
          if (p.beforeId) idOwner.set(p.beforeId, p.path);
        }
      }
    }
    for (const p of batch) {
      if (summary.failed.some((f) => f.path === p.path)) {
        report(p.path, 'failed');
        continue;
      }
      summary.chunks += p.chunks.length;
      for (const w of p.warnings) summary.warnings.push({ path: p.path, warning: w });
      (p.before ? summary.changed : summary.added).push(p.path);
      report(p.path, p.before ? 'changed' : 'added');
    }
  };

  try {
    for (const file of files) {
      const path = relPath(root, file);
      const hash = contentHash(file, embedder.id);
      const before = storedByPath.get(path);
      if (before && before.contentHash === hash) {
        summary.unchanged++;
        report(path, 'unchanged');
        continue;
      }
      try {
        const loaded = await loadDocument(file, root);
        const owner = idOwner.get(loaded.meta.id);
        if (owner && owner !== path) throw new Error(`id "${loaded.meta.id}" is already used by ${owner}`);
        const chunks = await embedChunks(loaded, embedder);
        if (before && before.id !== loaded.meta.id) idOwner.delete(before.id);
        idOwner.set(loaded.meta.id, path);
        group.push({
          path,
          before: before !== undefined,
          beforeId: before?.id,
          warnings: loaded.warnings,
          chunks,
          doc: {
            id: loaded.meta.id,
            slug: loaded.meta.id.replace(/-(zh|ru|en)$/, ''),
            lang: loaded.meta.lang,
            title: loaded.meta.title,
            category: loaded.meta.category,
            countries: loaded.meta.countries,
            sources: loaded.meta.sources,
            translations: loaded.meta.translations,
            asOf: loaded.meta.as_of,
            reviewBy: loaded.meta.review_by,
            path,
            format: loaded.format,
            contentHash: hash,
          },
        });
      } catch (err) {
        summary.failed.push({ path, error: (err as Error).message });
        report(path, 'failed');
      }
      if (group.length >= GROUP_FILES || group.reduce((n, p) => n + p.chunks.length, 0) >= GROUP_CHUNKS) await flush();
    }
    await flush();
    const gone = stored.filter((s) => !present.has(s.path)).map((s) => s.path);
    if (gone.length) {
      await change();
      const versions = await repo.storedVersions(gone);
      await repo.removeByPath(gone, {
        batch: changeBatch,
        changes: gone.flatMap((path) => {
          const v = versions.get(path);
          return v ? [removedChange(v.doc)] : [];
        }),
      });
    }
    summary.removed = gone;
  } catch (err) {
    await repo.finishRun(summary.runId, 'failed', counts(summary, [{ path: '', error: (err as Error).message }]));
    throw err;
  }
  await repo.finishRun(summary.runId, 'ok', counts(summary, summary.failed));
  return summary;
}

/** What one written file did to the knowledge: added, changed (which sections) or re-checked. */
function documentChange(p: Pending, before: StoredVersion | undefined): DocumentChange {
  const after = sectionsOf(p.chunks);
  const base = {
    docId: p.doc.id,
    slug: p.doc.slug,
    lang: p.doc.lang,
    title: p.doc.title,
    category: p.doc.category,
    countries: p.doc.countries,
    translations: p.doc.translations,
    asOf: p.doc.asOf,
    source: p.doc.sources[0],
  };
  if (!before) {
    // A new document: its opening is what an alert quotes.
    const first = diffSections([], after.slice(0, 1));
    return { ...base, action: 'added', sections: first };
  }
  const sections = diffSections(sectionsOf(before.chunks), after);
  // Same text, new metadata (as_of moved, a source added): someone checked it again.
  return { ...base, action: sections.length ? 'changed' : 'rechecked', sections };
}

function removedChange(doc: DocMeta): DocumentChange {
  return {
    docId: doc.id,
    slug: doc.slug,
    lang: doc.lang,
    title: doc.title,
    category: doc.category,
    countries: doc.countries,
    translations: doc.translations,
    asOf: doc.asOf,
    source: doc.sources[0],
    action: 'removed',
    sections: [],
  };
}

async function embedChunks(loaded: LoadedDocument, embedder: Embedder): Promise<NewChunk[]> {
  const pieces = splitMarkdown(loaded.body);
  if (pieces.length === 0) throw new Error('the document has no text after its front-matter');
  // The title and heading path go into the vector as they go into BM25 (see indexText).
  const vectors = await embedder.embed(
    pieces.map((p) => [loaded.meta.title, ...p.headingPath.slice(1), p.text].join('\n')),
  );
  const all = loaded.meta.sources;
  // A marker's numbers point into the front-matter list; the lint rejects numbers out of range.
  const sourcesOf = (refs: number[] | undefined) =>
    refs === undefined ? undefined : refs.map((n) => all[n - 1]).filter((u): u is string => u !== undefined);
  return pieces.map((p, i) => ({
    headingPath: p.headingPath,
    text: p.text,
    sources: sourcesOf(p.sourceRefs),
    embedding: vectors[i]!,
  }));
}

export function listKnowledgeFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        entry.isFile() &&
        SUPPORTED_EXTENSIONS[extname(entry.name).toLowerCase()] &&
        !/^readme\./i.test(entry.name)
      ) {
        out.push(full);
      }
    }
  };
  walk(root);
  return out;
}

function relPath(root: string, file: string): string {
  return relative(root, file).split('\\').join('/');
}

function contentHash(file: string, embedderId: string): string {
  const h = createHash('sha256').update(readFileSync(file));
  const side = sidecarPath(file);
  if (existsSync(side)) h.update(readFileSync(side));
  return h.update(`\0${SPLITTER_VERSION}\0${embedderId}`).digest('hex');
}

function counts(s: IngestSummary, errors: { path: string; error: string }[]) {
  return {
    added: s.added.length,
    changed: s.changed.length,
    removed: s.removed.length,
    unchanged: s.unchanged,
    skipped: s.failed.length,
    errors,
  };
}
