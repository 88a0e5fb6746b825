// What the previous answer of a conversation showed first: its notices and direct answer, the text
// before its list of passages. A follow-up asks for something new ("а на детскую обувь?" after a
// question on children's tights, "and how long do I have to file?" after the CMR limit), so the
// sentences a person has just read are not its answer again (lead.ts scores them down).
import { LANGS } from '../domain/lang.js';
import { t } from '../i18n/messages.js';
import type { StoredMessage } from '../store/conversation-repo.js';

const LIST_LABELS = LANGS.flatMap((lang) => [t(lang, 'sources'), t(lang, 'nearestPassages')]);

/** The opening of the last answer before its passages, or undefined when there is none. */
export function previousLead(history: readonly StoredMessage[]): string | undefined {
  const last = [...history].reverse().find((m) => m.role === 'assistant');
  if (!last) return undefined;
  const cuts = LIST_LABELS.map((label) => last.content.indexOf(`\n\n${label}:`)).filter((i) => i >= 0);
  // A tool's answer or a refusal has no list of passages: its sentences are not the retrieval lead's.
  if (cuts.length === 0) return undefined;
  return last.content.slice(0, Math.min(...cuts));
}

/** The pieces of a shown lead, each sentence or cut without its citation number and marks of a cut. A
 * sentence cut after its label ("ТН ВЭД 编码决定的不仅是税率：…税务总局出口退税率库中设定…") is two pieces of it. */
export function shownPieces(lead: string): string[] {
  return lead
    .split(/\s*\[\d+\]\s*/u)
    .flatMap((p) => p.split('…'))
    .map((p) => p.trim())
    .filter((p) => p.length >= 12);
}
