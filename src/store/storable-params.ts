// PostgreSQL text and jsonb cannot hold the NUL character (SQLSTATE 22021, "invalid byte sequence
// for encoding UTF8: 0x00"; jsonb refuses the \u0000 escape). A Slack or Telegram message can carry
// one (found by fuzzing the Slack events endpoint on the PostgreSQL engine): it is stored as U+FFFD,
// the replacement character, rather than failing the whole turn.

const NUL = /\u0000/g;
const NUL_ESCAPE = /\\u0000/g;

export function storableParams(params: readonly unknown[]): unknown[] {
  return params.map((p) => (typeof p === 'string' ? p.replace(NUL, '\uFFFD').replace(NUL_ESCAPE, '\\uFFFD') : p));
}
