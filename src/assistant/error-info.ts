// What a log line keeps of a thrown error: its name and message, whatever was thrown.
export function errorInfo(err: unknown): { name?: string; message: string } {
  const e = err as Error;
  return { name: e?.name, message: String(e?.message ?? err) };
}
