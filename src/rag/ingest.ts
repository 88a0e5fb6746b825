// Incremental ingestion of knowledge/: a file whose bytes (and sidecar, splitter and embedder)
// are unchanged is skipped; a changed one is re-split and re-embedded; a deleted one is removed.
// A file that fails to parse is reported and its previously ingested version is kept.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { KnowledgeRepo, NewChunk } from '../store/knowledge-repo.js';
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

export async function ingestKnowledge(opts: {
  root: string;
  repo: KnowledgeRepo;
  embedder: Embedder;
  onProgress?: (p: IngestProgress) => void;
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
  for (const [id, path] of idOwner) if (!present.has(path)) idOwner.delete(id);

  try {
    for (const [i, file] of files.entries()) {
      const path = relPath(root, file);
      const hash = contentHash(file, embedder.id);
      const before = storedByPath.get(path);
      let action: IngestProgress['action'];
      if (before && before.contentHash === hash) {
        summary.unchanged++;
        action = 'unchanged';
      } else {
        try {
          const loaded = await loadDocument(file, root);
          const owner = idOwner.get(loaded.meta.id);
          if (owner && owner !== path) throw new Error(`id "${loaded.meta.id}" is already used by ${owner}`);
          const chunks = await embedChunks(loaded, embedder);
          await repo.replaceDocument(
            {
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
            chunks,
            embedder.id,
          );
          if (before && before.id !== loaded.meta.id) idOwner.delete(before.id);
          idOwner.set(loaded.meta.id, path);
          summary.chunks += chunks.length;
          for (const w of loaded.warnings) summary.warnings.push({ path, warning: w });
          (before ? summary.changed : summary.added).push(path);
          action = before ? 'changed' : 'added';
        } catch (err) {
          summary.failed.push({ path, error: (err as Error).message });
          action = 'failed';
        }
      }
      opts.onProgress?.({ done: i + 1, total: files.length, path, action });
    }
    const gone = stored.filter((s) => !present.has(s.path)).map((s) => s.path);
    await repo.removeByPath(gone);
    summary.removed = gone;
  } catch (err) {
    await repo.finishRun(summary.runId, 'failed', counts(summary, [{ path: '', error: (err as Error).message }]));
    throw err;
  }
  await repo.finishRun(summary.runId, 'ok', counts(summary, summary.failed));
  return summary;
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
