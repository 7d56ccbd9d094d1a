export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** 0..1: share of each delay that is randomised, so instances do not retry in lock-step. */
  jitter: number;
}

export function backoffDelay(attempt: number, policy: BackoffPolicy, random = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
  const spread = exp * policy.jitter;
  return Math.round(exp - spread + random() * spread);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
