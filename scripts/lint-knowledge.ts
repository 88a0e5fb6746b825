// Author's check: `npx tsx scripts/lint-knowledge.ts [knowledge-dir]` prints every problem and exits 1 if any.
import { lintKnowledge } from '../src/rag/lint-knowledge.js';

const root = process.argv[2] ?? 'knowledge';
const { documents, problems } = lintKnowledge(root);
for (const p of problems) console.log(`${p.file}: ${p.message}`);
const langs = new Map<string, number>();
for (const d of documents) langs.set(d.meta.lang, (langs.get(d.meta.lang) ?? 0) + 1);
console.log(`${documents.length} documents (${[...langs].map(([l, n]) => `${l} ${n}`).join(', ')}), ${problems.length} problems`);
process.exitCode = problems.length ? 1 : 0;
