/** The platform's services; each is an event producer and owns one PostgreSQL schema. */
export const SERVICE_NAMES = ['demand-intake', 'graduate-profiles', 'matching', 'notifications'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];
