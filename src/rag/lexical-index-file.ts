// How the lexical index is saved beside the knowledge snapshot, behind two functions so its format
// can change without touching the snapshot: one file of a small JSON header (parameters and the
// term list) followed by document lengths, term offsets and postings' documents as little-endian
// int32 arrays, then the postings' frequencies as uint16.
import { readFileSync, writeFileSync } from 'node:fs';
import { Bm25Index } from './bm25-index.js';
import { IndexFileError } from './hnsw-vector-index.js';

export const LEXICAL_FILE = 'lexical.bin';
const MAGIC = 'BM25v2\n';

export function writeLexicalIndex(index: Bm25Index, path: string): void {
  const d = index.toData();
  const header = Buffer.from(
    JSON.stringify({ k1: d.k1, b: d.b, docs: d.docLen.length, postings: d.docs.length, terms: d.terms }),
  );
  // Int32 arrays start on a 4-byte boundary so they can be viewed in place when read.
  const head = Buffer.concat([Buffer.from(MAGIC), uint32(header.length), header]);
  const pad = Buffer.alloc((4 - (head.length % 4)) % 4);
  writeFileSync(
    path,
    Buffer.concat([
      head,
      pad,
      ...[d.docLen, d.offsets, d.docs, d.tfs].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)),
    ]),
  );
}

export function readLexicalIndex(path: string): Bm25Index {
  const buf = readFileSync(path);
  if (buf.subarray(0, MAGIC.length).toString() !== MAGIC) throw new IndexFileError(`${path} is not a lexical index`);
  try {
    const len = buf.readUInt32LE(MAGIC.length);
    const start = MAGIC.length + 4;
    const h = JSON.parse(buf.subarray(start, start + len).toString()) as {
      k1: number;
      b: number;
      docs: number;
      postings: number;
      terms: string[];
    };
    let at = start + len;
    at += (4 - (at % 4)) % 4;
    // A copy aligned for Int32Array views (the file buffer may sit at any offset of a pooled slab).
    const nInts = h.docs + h.terms.length + 1 + h.postings;
    const expected = nInts * 4 + h.postings * 2;
    if (buf.length - at !== expected) throw new Error(`holds ${buf.length - at} bytes, its header says ${expected}`);
    const bytes = buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + buf.length);
    const ints = new Int32Array(bytes, 0, nInts);
    return Bm25Index.fromData({
      k1: h.k1,
      b: h.b,
      docLen: ints.subarray(0, h.docs),
      terms: h.terms,
      offsets: ints.subarray(h.docs, h.docs + h.terms.length + 1),
      docs: ints.subarray(h.docs + h.terms.length + 1),
      tfs: new Uint16Array(bytes, nInts * 4, h.postings),
    });
  } catch (err) {
    if (err instanceof IndexFileError) throw err;
    throw new IndexFileError(`lexical index ${path} cannot be read (${(err as Error).message})`, { cause: err });
  }
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
