// Stops calling a failing model for a while, so a dead endpoint costs one timeout per cool-down
// instead of one per question; after the cool-down a single trial call decides.
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(
    private readonly opts: { failureThreshold: number; coolDownMs: number; now?: () => number } = {
      failureThreshold: 3,
      coolDownMs: 30_000,
    },
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.opts.coolDownMs ? 'half-open' : 'open';
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      throw new CircuitOpenError('the language model is failing; calls are paused for a moment');
    }
    if (state === 'half-open') this.trialInFlight = true;
    try {
      const result = await fn();
      this.failures = 0;
      this.openedAt = undefined;
      return result;
    } catch (err) {
      this.failures++;
      if (state === 'half-open' || this.failures >= this.opts.failureThreshold) this.openedAt = this.now();
      throw err;
    } finally {
      if (state === 'half-open') this.trialInFlight = false;
    }
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }
}
