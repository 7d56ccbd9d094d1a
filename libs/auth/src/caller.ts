import type { Role } from './role.js';

/**
 * Who is calling, as proven by a verified access token.
 *
 * Token claims → fields:
 * - `sub`  → `subject`: the user id; for `graduate` it is the graduate id.
 * - `role` → `role`.
 * - `org`  → `orgId`: the enterprise id / college id / organizer org id; for `graduate` the
 *   graduate's college id; `null` only for `platform_admin` tokens without `org`.
 */
export interface Caller {
  readonly subject: string;
  readonly role: Role;
  readonly orgId: string | null;
}
