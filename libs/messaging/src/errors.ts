/**
 * Error classes for the Kafka edge: a handler's error is either worth retrying or poison.
 */

/** Throw from a handler when retrying can never succeed: the event goes to the dead-letter topic at once. */
export class PoisonEventError extends Error {
  override readonly name = 'PoisonEventError';
}

/** Configuration that must stop the service at start-up. */
export class MessagingConfigError extends Error {
  override readonly name = 'MessagingConfigError';
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

/**
 * True when the failure is the infrastructure's (database unreachable), not the event's:
 * such failures are retried without limit and never dead-letter an innocent event.
 */
export function isInfrastructureError(err: unknown, depth = 0): boolean {
  if (depth > 8) return false; // a cause chain that loops must not recurse forever
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08'))) {
    return true;
  }
  const msg = err.message;
  return (
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i.test(
      msg,
    ) ||
    (err.cause !== undefined && err.cause !== err && isInfrastructureError(err.cause, depth + 1))
  );
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}
