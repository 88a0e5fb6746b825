import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  const fail = () => Promise.reject(new Error('down'));
  const ok = () => Promise.resolve('ok');

  it('opens after the threshold of failures and refuses calls during the cool-down', async () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 1000, now: () => now });
    await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('closed');
    await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    let called = false;
    await expect(breaker.run(async () => (called = true))).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    now = 999;
    expect(breaker.state).toBe('open');
  });

  it('lets one trial through after the cool-down: success closes, failure opens again', async () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 100, now: () => now });
    await expect(breaker.run(fail)).rejects.toThrow();
    now = 100;
    expect(breaker.state).toBe('half-open');
    await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    now = 200;
    // A second caller during the trial is refused, the trial's success closes the circuit.
    let release!: (v: string) => void;
    const trial = breaker.run(() => new Promise<string>((r) => (release = r)));
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    release('ok');
    await expect(trial).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('counts failures only in a row: a success resets them', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 100, now: () => 0 });
    await expect(breaker.run(fail)).rejects.toThrow();
    await breaker.run(ok);
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });
});
