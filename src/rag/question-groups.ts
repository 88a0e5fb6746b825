// Knowledge gaps grouped by wording: questions whose stemmed words (Russian and English stems,
// Chinese bigrams: the retrieval tokenizer) overlap enough fall in one group. Greedy and
// single-pass over the newest first: a group is represented by the words of all its questions, so
// "EAC for a pump" and "EAC certificate for pumps" meet. Good enough for a list a person reads;
// cross-language questions stay in separate groups (a translation model would be needed).
import { tokenize } from './tokenize.js';

export interface GroupInput {
  question: string;
  lang: string;
  at: Date;
  reason: string;
}

export interface QuestionGroup {
  /** The newest question of the group, as its label. */
  label: string;
  count: number;
  langs: Record<string, number>;
  reasons: Record<string, number>;
  latest: Date;
  /** Up to three newest distinct questions. */
  examples: string[];
}

const SIMILAR = 0.34;

export function groupQuestions(items: GroupInput[], minSimilarity = SIMILAR): QuestionGroup[] {
  const sorted = [...items].sort((a, b) => b.at.getTime() - a.at.getTime());
  const groups: Array<QuestionGroup & { words: Map<string, number> }> = [];
  for (const item of sorted) {
    const words = new Set(tokenize(item.question));
    let best: (typeof groups)[number] | undefined;
    let bestScore = 0;
    for (const g of groups) {
      const score = overlap(words, g.words);
      if (score > bestScore) [best, bestScore] = [g, score];
    }
    if (!best || bestScore < minSimilarity) {
      best = {
        label: item.question,
        count: 0,
        langs: {},
        reasons: {},
        latest: item.at,
        examples: [],
        words: new Map(),
      };
      groups.push(best);
    }
    best.count++;
    best.langs[item.lang] = (best.langs[item.lang] ?? 0) + 1;
    best.reasons[item.reason] = (best.reasons[item.reason] ?? 0) + 1;
    if (best.examples.length < 3 && !best.examples.includes(item.question)) best.examples.push(item.question);
    for (const w of words) best.words.set(w, (best.words.get(w) ?? 0) + 1);
  }
  return groups
    .map(({ words: _words, ...g }) => g)
    .sort((a, b) => b.count - a.count || b.latest.getTime() - a.latest.getTime());
}

/** Share of the question's words the group already has (Jaccard against a growing group would
 * punish groups for being large). */
function overlap(words: Set<string>, group: Map<string, number>): number {
  if (words.size === 0) return 0;
  let shared = 0;
  for (const w of words) if (group.has(w)) shared++;
  return shared / Math.max(words.size, Math.min(group.size, words.size * 2));
}
