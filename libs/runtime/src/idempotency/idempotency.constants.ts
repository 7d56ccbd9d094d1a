/** Request header carrying the client-chosen key (Stripe's and novu's name). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Response header set on a replayed response. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** How long a request may hold its key before a retry may take it over (a crashed process). */
export const DEFAULT_IDEMPOTENCY_LEASE_MS = 60_000;
/** How long a stored response is replayed (Stripe keeps keys for 24 h). */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Expired keys are pruned at most this often per process, from the request path. */
export const IDEMPOTENCY_PRUNE_INTERVAL_MS = 60_000;
export const IDEMPOTENCY_PRUNE_BATCH = 1000;

/** Response headers stored with the response and sent again on replay (lower case, as Node keeps them). */
export const IDEMPOTENCY_REPLAYED_RESPONSE_HEADERS = ['etag', 'location'] as const;

/** Metadata key under which @Idempotent() stores its options. */
export const IDEMPOTENT_OPTIONS_KEY = 'runtime:idempotent';
