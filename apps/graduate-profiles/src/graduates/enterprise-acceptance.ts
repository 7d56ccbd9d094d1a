import type { CandidateStatus } from '#contracts';

/**
 * What a move in matching's pipeline means for an enterprise's access to the graduate's identity
 * and contacts (double opt-in: only the graduate's acceptance opens it):
 * - `grant`: accepted, and the steps that follow it (interviewing, offered, hired);
 * - `revoke`: the graduate declined or withdrew, or the enterprise rejected them — either way the
 *   purpose of the disclosure is over;
 * - `null`: recommended / viewed / invited change nothing (the graduate has not said yes yet);
 *   an expired invitation revokes, which is a no-op unless something granted access before.
 */
export function enterpriseAccessChangeOf(status: CandidateStatus): 'grant' | 'revoke' | null {
  switch (status) {
    case 'accepted':
    case 'interviewing':
    case 'offered':
    case 'hired':
      return 'grant';
    case 'declined':
    case 'withdrawn':
    case 'rejected':
    case 'expired':
      return 'revoke';
    case 'recommended':
    case 'viewed':
    case 'invited':
      return null;
  }
}
