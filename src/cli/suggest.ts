// "Did you mean …": the known names nearest to what was typed, by edit distance.
import { editDistance } from '../domain/edit-distance.js';

/**
 * The candidates close enough to `typed` to be what was meant, nearest first: within about a
 * third of the word's length in edits, or starting with what was typed.
 */
export function closest(typed: string, candidates: readonly string[], max = 3): string[] {
  const t = typed.toLowerCase();
  const limit = Math.max(1, Math.floor(Array.from(t).length / 3));
  return candidates
    .map((c) => ({ c, d: editDistance(t, c.toLowerCase()), prefix: t.length >= 2 && c.toLowerCase().startsWith(t) }))
    .filter((x) => x.d <= limit || x.prefix)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}
