// Where the word a pattern match begins ends, for adding a word after it: "кроссовк|и", "антидемпинг|овая". Latin,
// Cyrillic and digits run on; Chinese does not, each character there stands on its own.

/** The index just after the whole word the match begins. */
export function wordEnd(text: string, match: RegExpExecArray): number {
  const end = match.index + match[0].length;
  return end + (/^[\p{Script=Latin}\p{Script=Cyrillic}\d]*/u.exec(text.slice(end))?.[0].length ?? 0);
}
