// Checks the knowledge corpus against docs/knowledge-format.md: front-matter complete, file name and
// id agree, translations present and pointing back, sources per section, review dates by volatility,
// terms used one way. Used by `advisor lint`, the doc test and authors.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { FrontMatterError, parseFrontMatter, type FrontMatter } from './front-matter.js';
import { reviewPolicyProblems, sectionSourceProblems, termProblems } from './knowledge-rules.js';

/** Folders that hold only data files (their markdown, if any, is notes, not documents). */
export const DATA_FOLDERS = new Set(['partners', 'credit']);

export interface LintProblem {
  file: string;
  message: string;
}

export interface LintResult {
  documents: Array<{ file: string; meta: FrontMatter; body: string }>;
  problems: LintProblem[];
}

export function listMarkdown(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (dir === root && DATA_FOLDERS.has(name)) continue;
        walk(path);
      } else if (name.endsWith('.md') && name !== 'README.md') out.push(path);
    }
  };
  walk(root);
  return out;
}

export function lintKnowledge(root: string): LintResult {
  const problems: LintProblem[] = [];
  const documents: LintResult['documents'] = [];
  for (const path of listMarkdown(root)) {
    const file = relative(root, path).split(sep).join('/');
    try {
      const { meta, body } = parseFrontMatter(readFileSync(path, 'utf8'));
      documents.push({ file, meta, body });
    } catch (err) {
      if (!(err instanceof FrontMatterError)) throw err;
      problems.push({ file, message: err.message });
    }
  }
  const byId = new Map<string, (typeof documents)[number]>();
  for (const doc of documents) {
    const { meta, file } = doc;
    for (const message of documentProblems(file, meta, doc.body)) problems.push({ file, message });
    if (byId.has(meta.id))
      problems.push({ file, message: `duplicate id ${meta.id} (also in ${byId.get(meta.id)!.file})` });
    byId.set(meta.id, doc);
  }
  for (const { meta, file } of documents) {
    const slug = meta.id.replace(/-(zh|ru|en)$/, '');
    for (const t of meta.translations) {
      const other = byId.get(t);
      if (!other) problems.push({ file, message: `translation ${t} does not exist` });
      else if (!other.meta.translations.includes(meta.id))
        problems.push({ file, message: `translation ${t} does not list ${meta.id} back` });
      else if (other.meta.lang === meta.lang)
        problems.push({ file, message: `translation ${t} is in the same language` });
      else if (t.replace(/-(zh|ru|en)$/, '') !== slug)
        problems.push({ file, message: `translation ${t} has a different slug` });
      // Markers are numbers into the list, so the versions must share it for a citation to mean the same.
      else if (other.meta.sources.join('\n') !== meta.sources.join('\n'))
        problems.push({ file, message: `translation ${t} lists other sources (or in another order)` });
    }
  }
  return { documents, problems };
}

/**
 * The rules one document meets on its own (`file` relative to the knowledge root): name and id,
 * folder and category, title, sources per section, review date by volatility, terms. The staff
 * console lints an uploaded version with these before it replaces anything.
 */
export function documentProblems(file: string, meta: FrontMatter, body: string): string[] {
  const problems: string[] = [];
  const m = /^([a-z0-9-]+)\.(zh|ru|en)\.md$/.exec(basename(file));
  if (!m) problems.push('file name must be <slug>.<lang>.md');
  else {
    if (meta.id !== `${m[1]}-${m[2]}`) problems.push(`id must be ${m[1]}-${m[2]} to match the file name`);
    if (meta.lang !== m[2]) problems.push(`lang ${meta.lang} does not match the file name`);
  }
  const folder = basename(dirname(file));
  if (folder !== '.' && folder !== meta.category)
    problems.push(`category ${meta.category} does not match folder ${folder}`);
  if (!/^#\s+\S/.test(body.trimStart())) problems.push('body must start with "# <title>"');
  problems.push(...sectionSourceProblems(meta, body), ...reviewPolicyProblems(meta), ...termProblems(meta, body));
  return problems;
}
