// A passage shown under the direct answer: cut to about 480 characters around the sentence that
// answers (lead.ts picks it), not at its first characters, with list items on their own lines so a
// list reads as a list in every channel.

export function excerptAround(passage: string, sentence: string | undefined, maxChars = 480): string {
  const text = passage
    .replace(/\*\*/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    // The splitter keeps list items and table rows as paragraphs; in an excerpt they read as one list.
    .replace(/\n\n(?=(?:[-*•+]|\d+[.)])\s|\|)/g, '\n')
    .trim();
  if (text.length <= maxChars) return text;
  // The same text with line breaks as spaces, character for character, to find the sentence in.
  const flat = text.replace(/\n/g, ' ');
  const probe = sentence?.replace(/\*\*/g, '').replace(/\s+/g, ' ').slice(0, 40);
  const at = probe ? flat.indexOf(probe) : -1;
  if (at < 0) return cutAt(text, 0, maxChars);
  // Start at the sentence, or earlier when the passage's opening still fits: context helps.
  const start = at + Math.min(sentence!.length, maxChars) <= maxChars ? 0 : sentenceStart(flat, at);
  return cutAt(text, start, maxChars);
}

function sentenceStart(text: string, at: number): number {
  const before = text.slice(0, at);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('。'), before.lastIndexOf('; '));
  return stop >= 0 && at - stop < 160 ? stop + 1 : at;
}

function cutAt(text: string, start: number, maxChars: number): string {
  let slice = text.slice(start, start + maxChars).trim();
  const ends = start + maxChars < text.length;
  if (ends) {
    const stop = Math.max(
      slice.lastIndexOf('. '),
      slice.lastIndexOf('.\n'),
      slice.lastIndexOf('。'),
      slice.lastIndexOf('; '),
      slice.lastIndexOf('\n'),
    );
    if (stop > maxChars * 0.5) slice = slice.slice(0, stop + 1).trim();
    else {
      const space = slice.lastIndexOf(' ');
      slice = `${space > maxChars * 0.5 ? slice.slice(0, space) : slice}…`;
    }
  }
  return `${start > 0 ? '…' : ''}${slice}`;
}
