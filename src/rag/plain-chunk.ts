// A passage as the indexes and the snapshot keep it: its own fields only — no embedding, nothing else a
// store row or a stored chunk carries along.
import type { IndexedChunk } from '../domain/knowledge.js';

export function plainChunk(c: IndexedChunk): IndexedChunk {
  return {
    id: c.id,
    docId: c.docId,
    ord: c.ord,
    headingPath: c.headingPath,
    text: c.text,
    ...(c.sources ? { sources: c.sources } : {}),
  };
}
