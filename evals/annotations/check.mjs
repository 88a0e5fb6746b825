#!/usr/bin/env node
// Checks evals/annotations/<set>.jsonl against evals/datasets/<set>.jsonl and knowledge/:
// every id exists in its set (and every question of the set is annotated once), the section
// heading exists in the question's language version of answers[0], and every key term occurs
// (case-insensitively) in that section's text; the same for each further section (`also`), whose
// document must be one of the question's answers. Usage: node evals/annotations/check.mjs [set ...]
// (ANNOTATIONS_DIR=dir checks a draft elsewhere). Exit code 1 when a problem is found.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SETS = ['domain', 'domain-heldout', 'domain-2', 'domain-heldout-2'];

export function readJsonl(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l, i) => [l, i + 1])
    .filter(([l]) => l.trim() !== '')
    .map(([l, n]) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        throw new Error(`${path}:${n}: not JSON (${e.message})`);
      }
    });
}

export function findDoc(slug, lang) {
  const base = join(ROOT, 'knowledge');
  for (const cat of readdirSync(base, { withFileTypes: true })) {
    if (!cat.isDirectory()) continue;
    const p = join(base, cat.name, `${slug}.${lang}.md`);
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  return null;
}

// Sections of a document: every `##`..`######` heading outside code fences. A section's text runs
// to the next heading of the same or a higher level (a `##` includes its `###`s); HTML comments
// (source markers) are dropped.
export function splitSections(md) {
  const lines = md.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
  const heads = [];
  let fence = false;
  lines.forEach((l, i) => {
    if (/^\s*```/.test(l)) fence = !fence;
    const m = !fence && l.match(/^(#{2,6})\s+(.*?)\s*$/);
    if (m) heads.push({ i, level: m[1].length, heading: m[2] });
  });
  return heads.map((h, k) => {
    let end = lines.length;
    for (let j = k + 1; j < heads.length; j++)
      if (heads[j].level <= h.level) {
        end = heads[j].i;
        break;
      }
    const text = lines
      .slice(h.i + 1, end)
      .join('\n')
      .replace(/<!--[\s\S]*?-->/g, '');
    return { level: h.level, heading: h.heading, text };
  });
}

function checkSection(bad, id, md, file, section, keyTerms) {
  if (typeof section !== 'string' || !section) return bad(id, 'section is not a heading');
  if (!Array.isArray(keyTerms)) return bad(id, 'key_terms is not an array');
  const matches = splitSections(md).filter((s) => s.heading === section);
  if (!matches.length) return bad(id, `heading "${section}" not in ${file}`);
  if (matches.length > 1) bad(id, `heading "${section}" occurs ${matches.length} times in ${file}`);
  if (keyTerms.length < 1 || keyTerms.length > 3) bad(id, `${keyTerms.length} key terms (need 1 to 3)`);
  const text = matches[0].text.toLowerCase();
  for (const t of keyTerms) {
    if (typeof t !== 'string' || !t.trim()) {
      bad(id, `empty key term ${JSON.stringify(t)}`);
      continue;
    }
    if (t !== t.trim()) bad(id, `key term "${t}" has surrounding spaces`);
    if ([...t].length > 40) bad(id, `key term "${t}" longer than 40 characters`);
    if (!text.includes(t.toLowerCase())) bad(id, `key term "${t}" not in section "${section}"`);
  }
  if (new Set(keyTerms.map((t) => String(t).toLowerCase())).size !== keyTerms.length) bad(id, 'duplicate key terms');
}

function checkSet(set) {
  const problems = [];
  const bad = (id, msg) => problems.push(`${set} ${id}: ${msg}`);
  const qPath = join(ROOT, 'evals/datasets', `${set}.jsonl`);
  // ANNOTATIONS_DIR checks a draft elsewhere before it replaces these files.
  const aPath = join(process.env.ANNOTATIONS_DIR ?? join(ROOT, 'evals/annotations'), `${set}.jsonl`);
  if (!existsSync(aPath)) return { problems: [`${set}: ${aPath} missing`], count: 0, nulls: 0 };
  const questions = new Map(readJsonl(qPath).map((q) => [q.id, q]));
  const anns = readJsonl(aPath);
  const seen = new Set();
  let nulls = 0;
  for (const a of anns) {
    const id = a.id;
    const extra = Object.keys(a).filter((k) => !['id', 'section', 'key_terms', 'note', 'also'].includes(k));
    if (extra.length) bad(id, `unexpected fields ${extra.join(', ')}`);
    if (seen.has(id)) bad(id, 'annotated twice');
    seen.add(id);
    const q = questions.get(id);
    if (!q) {
      bad(id, 'id not in the set');
      continue;
    }
    if (!Array.isArray(a.key_terms)) {
      bad(id, 'key_terms is not an array');
      continue;
    }
    if (a.section === null) {
      nulls++;
      if (a.key_terms.length) bad(id, 'null section but key terms given');
      if (typeof a.note !== 'string' || !a.note.trim()) bad(id, 'null section without a note');
      continue;
    }
    if (typeof a.section !== 'string' || !a.section) {
      bad(id, 'section is neither a heading nor null');
      continue;
    }
    const slug = q.answers?.[0];
    const md = slug && findDoc(slug, q.lang);
    if (!md) {
      bad(id, `no document knowledge/*/${slug}.${q.lang}.md`);
      continue;
    }
    checkSection(bad, id, md, `${slug}.${q.lang}.md`, a.section, a.key_terms);
    if (a.also === undefined) continue;
    if (!Array.isArray(a.also)) {
      bad(id, 'also is not an array');
      continue;
    }
    // Further sections, of any document in answers, that state the key fact (or the part of it one
    // part of the question asks for) as directly as the first.
    for (const alt of a.also) {
      const keys = Object.keys(alt ?? {});
      if (keys.some((k) => !['doc', 'section', 'key_terms'].includes(k))) bad(id, `also: unexpected fields`);
      const altSlug = alt?.doc ?? slug;
      if (!q.answers.includes(altSlug)) bad(id, `also: ${altSlug} is not in answers`);
      const altMd = findDoc(altSlug, q.lang);
      if (!altMd) {
        bad(id, `also: no document knowledge/*/${altSlug}.${q.lang}.md`);
        continue;
      }
      if (altSlug === slug && alt.section === a.section) bad(id, 'also repeats the first section');
      checkSection(bad, id, altMd, `${altSlug}.${q.lang}.md`, alt?.section, alt?.key_terms);
    }
  }
  for (const id of questions.keys()) if (!seen.has(id)) bad(id, 'question not annotated');
  return { problems, count: anns.length, nulls };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sets = process.argv.slice(2).length ? process.argv.slice(2) : SETS;
  let total = 0;
  for (const set of sets) {
    const { problems, count, nulls } = checkSet(set);
    total += problems.length;
    for (const p of problems) console.log(p);
    console.log(`${set}: ${count} annotations, ${nulls} null, ${problems.length} problems`);
  }
  process.exit(total ? 1 : 0);
}
