// Splits a markdown body into chunks that end at sentence ends (Chinese 。！？；, Russian and
// English . ! ? …) and carry the heading path they sit under. LangChain's recursive splitter
// was measured against this one: it moves sentence-ending punctuation to the start of the next
// chunk and drops headings (docs/decisions/002-splitter.md).

export interface TextChunk {
  headingPath: string[];
  text: string;
  /** 1-based positions in the document's `sources` that back this chunk's section (its
   * `<!-- sources: … -->` marker, or its parent section's); undefined when the section has none. */
  sourceRefs?: number[];
}

/** `<!-- sources: 1, 3 -->` or `<!-- sources: none -->` (docs/knowledge-format.md). */
export const SOURCES_MARKER = /^\s*<!--\s*sources:\s*([^>]*?)\s*-->\s*$/i;

/** The numbers of a marker line; [] for `none`; undefined when the line is not a well-formed marker. */
export function parseSourcesMarker(line: string): number[] | undefined {
  const m = SOURCES_MARKER.exec(line);
  if (!m) return undefined;
  const body = m[1]!.trim();
  if (/^none$/i.test(body)) return [];
  const parts = body.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p))) return undefined;
  return parts.map(Number);
}

export interface SplitOptions {
  /** Upper bound in size units: a Han character counts 2, anything else 1. */
  maxSize?: number;
  /** Sentences carried over from the previous chunk of the same section. */
  overlapSentences?: number;
}

export const SPLITTER_VERSION = 'split-v4';

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const FENCE = /^\s*(```|~~~)/;

export function splitMarkdown(body: string, opts: SplitOptions = {}): TextChunk[] {
  const maxSize = opts.maxSize ?? 1000;
  const overlap = opts.overlapSentences ?? 1;
  const out: TextChunk[] = [];
  for (const section of sections(body)) {
    const sentences = section.paragraphs.flatMap((p, i) => {
      // A list item is kept whole when it fits: split between its sentences, the next chunk began
      // with "Источники расходятся в сумме в тенге" and no word of what the sources disagree on.
      const s = LIST_ITEM.test(p) && measure(p) <= maxSize / 2 ? [p.replace(/\s*\n\s*/g, ' ')] : splitSentences(p);
      // Paragraph breaks survive as a blank line before the paragraph's first sentence.
      if (i > 0 && s.length > 0) s[0] = `\n${s[0]}`;
      return s;
    });
    let current: string[] = [];
    let size = 0;
    const flush = () => {
      const text = joinSentences(current);
      if (text)
        out.push({
          headingPath: section.headingPath,
          text,
          ...(section.sourceRefs ? { sourceRefs: section.sourceRefs } : {}),
        });
    };
    for (const sentence of sentences) {
      const s = measure(sentence);
      if (size + s > maxSize && current.length > 0) {
        flush();
        const carried = current.slice(-overlap).filter((c) => measure(c) < maxSize / 3);
        current = overlap > 0 ? carried.map((c) => c.replace(/^\n/, '')) : [];
        size = current.reduce((a, c) => a + measure(c), 0);
      }
      if (s > maxSize) {
        // A single runaway "sentence" (a table, a list without stops) is cut by size.
        for (const piece of cutBySize(sentence, maxSize)) {
          current.push(piece);
          flush();
          current = [];
        }
        size = 0;
        continue;
      }
      current.push(sentence);
      size += s;
    }
    flush();
  }
  return out;
}

interface Section {
  headingPath: string[];
  paragraphs: string[];
  sourceRefs?: number[];
}

/** Sections in document order. A marker may follow its section's text, so chunks are assigned their
 * sources when the section ends; a section without a marker takes its nearest ancestor's. */
function sections(body: string): Section[] {
  const out: Section[] = [];
  const stack: { level: number; title: string; sourceRefs?: number[] }[] = [];
  let paragraphs: string[] = [];
  let para: string[] = [];
  let inFence = false;
  let marker: number[] | undefined;
  const endPara = () => {
    const p = para.join('\n').trim();
    if (p) paragraphs.push(p);
    para = [];
  };
  const endSection = () => {
    endPara();
    const top = stack[stack.length - 1];
    if (top && marker) top.sourceRefs = marker;
    const inherited = marker ?? [...stack].reverse().find((h) => h.sourceRefs)?.sourceRefs;
    if (paragraphs.length)
      out.push({ headingPath: stack.map((h) => h.title), paragraphs, ...(inherited ? { sourceRefs: inherited } : {}) });
    paragraphs = [];
    marker = undefined;
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    const m = inFence ? null : HEADING.exec(line);
    if (m) {
      endSection();
      const level = m[1]!.length;
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, title: m[2]!.replace(/[*_`]/g, '').trim() });
    } else if (!inFence && /^\s*<!--.*-->\s*$/.test(line)) {
      // Comments are for authors and tools, never passage text; a sources marker is kept as data.
      endPara();
      marker = parseSourcesMarker(line) ?? marker;
    } else if (!inFence && line.trim() === '') {
      endPara();
    } else if (!inFence && /^\s*\|.*\|\s*$/.test(line)) {
      // A table row stays a line of its own: joined into one line, a table reads as a run of cells.
      endPara();
      para.push(line.trim());
      endPara();
    } else if (!inFence && /^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      // Each list item reads as its own sentence group.
      endPara();
      para.push(line.trim());
    } else {
      para.push(line);
    }
  }
  endSection();
  return out;
}

const ABBREVIATIONS = new Set(
  'т.е т.д т.п т.к г гг ст п пп ч руб млн млрд тыс др им напр см рис e.g i.e etc no nos vs mr mrs dr art arts para paras sec secs cf approx fig'.split(
    ' ',
  ),
);

/** Sentences of one paragraph, each keeping its closing punctuation. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s*\n\s*/g, ' ').trim();
  if (!text) return [];
  const out: string[] = [];
  let start = 0;
  // Han stops end a sentence outright; Latin/Cyrillic stops only before a capital, quote or bracket.
  // Bold marks around a sentence ("…around 2025. **China is not one of them.** Parties…") belong to it:
  // read as letters, they glued the knowledge base's emphasised key facts to their neighbours.
  const re =
    /[。！？；]+[”’」』）)]*(?:\*\*)?|[.!?…]+["»”’)]*(?:\*\*)?(?=\s+(?:\*\*)?["«“(\[]?[\p{Lu}\p{Script=Han}\d])/gu;
  for (const m of text.matchAll(re)) {
    // "。**霍尔果斯…": marks after a stop close a bold sentence only when one is open; else they open the next.
    const opensNext = m[0].endsWith('**') && (text.slice(start, m.index).match(/\*\*/g)?.length ?? 0) % 2 === 0;
    const end = m.index + m[0].length - (opensNext ? 2 : 0);
    if (m[0].startsWith('.') && isAbbreviation(text.slice(start, m.index))) continue;
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase();
  if (!word) return false;
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * The chunks of one section joined back into the section: the splitter carries a chunk's last sentence
 * or whole list item into the next chunk (the overlap above), so the longest start of each chunk that
 * the text so far ends with, ending where a sentence, item or line ends, is dropped once.
 */
export function joinChunks(texts: readonly string[]): string {
  let text = texts[0] ?? '';
  for (const next of texts.slice(1)) {
    const rest = next.slice(overlapLength(text, next));
    if (!rest.trim()) continue;
    if (/^\s*\n/.test(rest)) text += `\n\n${rest.trimStart()}`;
    else text = joinSentences([text, rest.trimStart()]);
  }
  return text;
}

// A carried sentence is at least a few characters (four Han ones); shorter matches would be chance.
const MIN_OVERLAP = 4;

function overlapLength(text: string, next: string): number {
  for (let k = next.length; k >= MIN_OVERLAP; k--) {
    if (k < 8 && !/^\p{Script=Han}{4}/u.test(next)) break;
    // Where a sentence ends (before a space) or an item or line ends (before a line break).
    const ends =
      k === next.length ||
      next[k] === '\n' ||
      /[。！？；](?:\*\*)?$/u.test(next.slice(Math.max(0, k - 3), k)) ||
      (/\s/.test(next[k]!) && /[.!?…»")](?:\*\*)?$/.test(next.slice(Math.max(0, k - 3), k)));
    if (ends && text.endsWith(next.slice(0, k))) return k;
  }
  return 0;
}

function joinSentences(sentences: readonly string[]): string {
  let out = '';
  for (const s of sentences) {
    if (!out) out = s.replace(/^\n/, '');
    else if (s.startsWith('\n')) out += `\n\n${s.slice(1)}`;
    else if (/[。！？；”’」』）]$/u.test(out) || /^\p{Script=Han}/u.test(s)) out += s;
    else out += ` ${s}`;
  }
  return out.trim();
}

function measure(s: string): number {
  let n = 0;
  for (const ch of s) n += /\p{Script=Han}/u.test(ch) ? 2 : 1;
  return n;
}

function cutBySize(s: string, maxSize: number): string[] {
  const out: string[] = [];
  let cur = '';
  let size = 0;
  for (const ch of s) {
    const w = /\p{Script=Han}/u.test(ch) ? 2 : 1;
    if (size + w > maxSize) {
      out.push(cur.trim());
      cur = '';
      size = 0;
    }
    cur += ch;
    size += w;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
