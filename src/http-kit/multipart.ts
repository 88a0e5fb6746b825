// multipart/form-data (RFC 7578) for the staff console's upload form: fields and files from a body
// already read with its limit (read-body.ts). Small on purpose: one level, no nested multipart, the
// part headers we need (name, filename, content type); anything malformed is a 400, never a crash.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-server.js';

export interface FilePart {
  field: string;
  fileName: string;
  type: string;
  data: Buffer;
}

export interface MultipartForm {
  fields: Map<string, string>;
  files: FilePart[];
}

export function multipartBoundary(req: IncomingMessage): string | undefined {
  const ct = String(req.headers['content-type'] ?? '');
  if (!/^multipart\/form-data\b/i.test(ct)) return undefined;
  const m = /boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(ct);
  return m?.[1] ?? m?.[2];
}

export function parseMultipart(body: Buffer, boundary: string): MultipartForm {
  const fields = new Map<string, string>();
  const files: FilePart[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new HttpError(400, 'the form is not valid multipart data');
  for (;;) {
    pos += delimiter.length;
    // "--" after a delimiter ends the body.
    if (body.subarray(pos, pos + 2).toString() === '--') break;
    if (body.subarray(pos, pos + 2).toString() !== '\r\n')
      throw new HttpError(400, 'the form is not valid multipart data');
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw new HttpError(400, 'the form is not valid multipart data');
    const headers = body.subarray(pos, headerEnd).toString('utf8').split('\r\n');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw new HttpError(400, 'the form is not valid multipart data');
    const data = body.subarray(headerEnd + 4, next);
    let name: string | undefined;
    let fileName: string | undefined;
    let type = 'application/octet-stream';
    for (const h of headers) {
      const [key = '', ...rest] = h.split(':');
      const value = rest.join(':').trim();
      if (key.trim().toLowerCase() === 'content-disposition') {
        name = /\bname="([^"]*)"/i.exec(value)?.[1];
        fileName = /\bfilename="([^"]*)"/i.exec(value)?.[1];
      } else if (key.trim().toLowerCase() === 'content-type') type = value.toLowerCase();
    }
    if (name === undefined) throw new HttpError(400, 'a form part has no name');
    if (fileName !== undefined) files.push({ field: name, fileName, type, data: Buffer.from(data) });
    else fields.set(name, data.toString('utf8'));
    pos = next + 2;
  }
  return { fields, files };
}
