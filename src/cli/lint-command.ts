// `advisor lint [dir]`: check knowledge documents; needs no configuration and no database.
import { cliText } from '../i18n/cli-texts.js';
import type { Lang } from '../domain/lang.js';
import { lintKnowledge } from '../rag/lint-knowledge.js';

export function lintCommand(dir: string, out: NodeJS.WritableStream, lang: Lang): number {
  const { documents, problems } = lintKnowledge(dir);
  for (const p of problems) out.write(`${p.file}: ${p.message}\n`);
  out.write(`${cliText(lang).lintSummary(documents.length, problems.length)}\n`);
  return problems.length ? 1 : 0;
}
