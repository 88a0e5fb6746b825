// The one way a request body is read: the media type is checked before a byte is read, the size is
// counted as it arrives (a declared Content-Length and a chunked body alike), and a client that
// goes away or is cut off by the server's request timeout ends the read with an HttpError, never an
// unhandled one. Each route names its own limit.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-server.js';

export interface BodyLimits {
  /** Bytes; a larger body is refused with 413 as soon as it is known to be larger. */
  limit: number;
  /** Accepted media types (lower case, without parameters); absent → any. */
  types?: readonly string[];
}

export const JSON_TYPES = ['application/json'] as const;

/** "application/json; charset=utf-8" → "application/json". */
export function mediaType(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
}

export async function readBody(req: IncomingMessage, o: BodyLimits): Promise<Buffer> {
  if (o.types && !o.types.includes(mediaType(req)))
    throw new HttpError(415, `unsupported content type; send ${o.types.join(' or ')}`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > o.limit) throw new HttpError(413, `request body larger than ${o.limit} bytes`);
  const parts: Buffer[] = [];
  let size = 0;
  try {
    // Leaving the loop early must not destroy the socket: the 413 still has to be written.
    for await (const chunk of req.iterator({ destroyOnReturn: false })) {
      size += (chunk as Buffer).length;
      // Stop here: the rest is never buffered (the error answer closes the connection).
      if (size > o.limit) throw new HttpError(413, `request body larger than ${o.limit} bytes`);
      parts.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    // The client went away or the server's request timeout cut it off: nobody is left to answer.
    throw new HttpError(400, 'request body incomplete');
  }
  return Buffer.concat(parts);
}

/** A JSON body: 415 for another media type, 400 for text that is not JSON. */
export async function readJson(req: IncomingMessage, o: { limit: number; badRequest?: string }): Promise<unknown> {
  const text = (await readBody(req, { limit: o.limit, types: JSON_TYPES })).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, o.badRequest ?? 'the body is not JSON');
  }
}
