// Polls a fake server's recorded calls until one matches (the program under test is asynchronous).
export async function waitForCall<C extends { method: string }>(
  calls: readonly C[],
  pred: (c: C) => boolean,
  timeoutMs = 15_000,
): Promise<C> {
  const started = Date.now();
  for (;;) {
    const found = calls.find(pred);
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; calls: ${calls.map((c) => c.method).join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
