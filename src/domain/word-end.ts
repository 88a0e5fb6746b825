// Where the word a pattern match begins ends, for adding a word after it: "кроссовк|и", "антидемпинг|овая". Latin,
// Cyrillic and digits run on; Chinese does not, each character there stands on its own.

/** The index just after the whole word the match begins. */
export function wordEnd(text: string, match: RegExpExecArray): number {
  return wordEndAt(text, match.index + match[0].length);
}

/** The index just after the word that runs on at `from` ("Казахстан|а" from the end of its stem). */
export function wordEndAt(text: string, from: number): number {
  return from + (/^[\p{Script=Latin}\p{Script=Cyrillic}\d]*/u.exec(text.slice(from))?.[0].length ?? 0);
}
