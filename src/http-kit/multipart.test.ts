import { describe, expect, it } from 'vitest';
import { HttpError } from './http-server.js';
import { parseMultipart } from './multipart.js';

const B = '----staffBoundary42';
const body = (...parts: string[]) =>
  Buffer.from(`${parts.map((p) => `--${B}\r\n${p}\r\n`).join('')}--${B}--\r\n`, 'latin1');

describe('parseMultipart', () => {
  it('reads fields and a file with its name and type, bytes intact', () => {
    const bytes = '\u00ff\u0000PK\r\n--not-a-boundary';
    const form = parseMultipart(
      body(
        'Content-Disposition: form-data; name="_csrf"\r\n\r\ntok-1',
        'Content-Disposition: form-data; name="id"\r\n\r\neac-mark-en',
        `Content-Disposition: form-data; name="file"; filename="v2.docx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n${bytes}`,
      ),
      B,
    );
    expect(Object.fromEntries(form.fields)).toEqual({ _csrf: 'tok-1', id: 'eac-mark-en' });
    expect(form.files).toHaveLength(1);
    expect(form.files[0]).toMatchObject({ field: 'file', fileName: 'v2.docx' });
    expect(form.files[0]!.data.equals(Buffer.from(bytes, 'latin1'))).toBe(true);
  });

  it('answers 400 to a body that is not multipart, never throwing anything else', () => {
    for (const bad of [
      '',
      'hello',
      `--${B}\r\nno blank line`,
      `--${B}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${B}--`,
    ])
      expect(() => parseMultipart(Buffer.from(bad), B)).toThrow(HttpError);
  });
});
