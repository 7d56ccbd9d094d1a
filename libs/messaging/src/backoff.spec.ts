import { jest } from '@jest/globals';
import { backoffDelay, sleep, type BackoffPolicy } from './backoff.js';

const noJitter: BackoffPolicy = { initialMs: 100, maxMs: 10_000, jitter: 0 };

describe('backoffDelay', () => {
  it('starts at initialMs and doubles with each attempt', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, noJitter))).toEqual([100, 200, 400, 800, 1600]);
  });

  it('treats attempt 0 (or below) like the first attempt', () => {
    expect(backoffDelay(0, noJitter)).toBe(100);
    expect(backoffDelay(-3, noJitter)).toBe(100);
  });

  it('is capped at maxMs', () => {
    expect(backoffDelay(8, noJitter)).toBe(10_000); // 100 * 2^7 = 12800 > cap
    expect(backoffDelay(50, noJitter)).toBe(10_000);
    expect(backoffDelay(5000, noJitter)).toBe(10_000); // 2^4999 overflows to Infinity: still the cap
  });

  it('is deterministic with jitter 0, whatever the random source says', () => {
    expect(backoffDelay(3, noJitter, () => 0)).toBe(400);
    expect(backoffDelay(3, noJitter, () => 0.999)).toBe(400);
  });

  it('spreads the delay over [exp*(1-jitter), exp] with jitter', () => {
    const policy: BackoffPolicy = { initialMs: 100, maxMs: 10_000, jitter: 0.5 };
    // attempt 4 -> exp = 800
    expect(backoffDelay(4, policy, () => 0)).toBe(400);
    expect(backoffDelay(4, policy, () => 0.5)).toBe(600);
    expect(backoffDelay(4, policy, () => 0.999_999)).toBe(800);
  });

  it('stays within the jitter band with the default random source', () => {
    const policy: BackoffPolicy = { initialMs: 200, maxMs: 5000, jitter: 0.2 };
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const exp = Math.min(5000, 200 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i += 1) {
        const delay = backoffDelay(attempt, policy);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(exp * 0.8));
        expect(delay).toBeLessThanOrEqual(exp);
      }
    }
  });

  it('applies jitter to the capped value', () => {
    const policy: BackoffPolicy = { initialMs: 100, maxMs: 1000, jitter: 0.1 };
    expect(backoffDelay(20, policy, () => 0)).toBe(900);
  });
});

describe('sleep', () => {
  it('resolves after the delay', async () => {
    const started = Date.now();
    await sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('resolves at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const started = Date.now();
    await sleep(60_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(1000);
  }, 2000);

  it('resolves early when the signal is aborted during the wait', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(60_000, controller.signal);
    setTimeout(() => controller.abort(), 10);
    await pending;
    expect(Date.now() - started).toBeLessThan(1000);
  }, 2000);

  it('stops listening to the signal once the time is up', async () => {
    const controller = new AbortController();
    const added = jest.spyOn(controller.signal, 'addEventListener');
    const removed = jest.spyOn(controller.signal, 'removeEventListener');
    await sleep(5, controller.signal);
    expect(added).toHaveBeenCalledTimes(1);
    expect(removed).toHaveBeenCalledTimes(1);
    expect(removed.mock.calls[0]![0]).toBe('abort');
    expect(removed.mock.calls[0]![1]).toBe(added.mock.calls[0]![1]);
  });
});
