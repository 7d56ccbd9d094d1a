import {
  EventValidationError,
  patternOf,
  validateEnvelope,
  validatePayload,
  type EventContract,
} from './event-contract.js';
import type { EventEnvelope } from './envelope.js';
import { PlatformCanaryV1Contract } from './events/platform-canary.v1.js';
import {
  EnterpriseRegisteredV1Contract,
  EnterpriseSuspendedV1Contract,
  EnterpriseUpdatedV1Contract,
  EnterpriseVerifiedV1Contract,
} from './events/enterprise.v1.js';
import {
  DemandClosedV1Contract,
  DemandPausedV1Contract,
  DemandPublishedV1Contract,
  DemandUpdatedV1Contract,
} from './events/demand.v1.js';
import { CandidateHiredV1Contract } from './events/candidate-hired.v1.js';
import { CandidateStatusChangedV1Contract } from './events/candidate-status-changed.v1.js';
import {
  CollegeRegisteredV1Contract,
  GraduateConsentChangedV1Contract,
  GraduateErasedV1Contract,
  GraduateProfileUpsertedV1Contract,
} from './events/graduate.v1.js';
import { DestinationRecordedV1Contract } from './events/destination.v1.js';
import {
  CandidatesRecommendedV1Contract,
  InvitationReminderV1Contract,
  RecommendationWithdrawnV1Contract,
} from './events/recommendation.v1.js';

/**
 * Every integration event of the platform. A breaking change is a new version added here,
 * never an edit of an existing class.
 */
export const EVENT_CONTRACTS: readonly EventContract<any>[] = [
  PlatformCanaryV1Contract,
  EnterpriseRegisteredV1Contract,
  EnterpriseUpdatedV1Contract,
  EnterpriseVerifiedV1Contract,
  EnterpriseSuspendedV1Contract,
  DemandPublishedV1Contract,
  DemandUpdatedV1Contract,
  DemandPausedV1Contract,
  DemandClosedV1Contract,
  CandidateHiredV1Contract,
  CandidateStatusChangedV1Contract,
  CollegeRegisteredV1Contract,
  GraduateProfileUpsertedV1Contract,
  GraduateConsentChangedV1Contract,
  GraduateErasedV1Contract,
  DestinationRecordedV1Contract,
  CandidatesRecommendedV1Contract,
  RecommendationWithdrawnV1Contract,
  InvitationReminderV1Contract,
];

const byPattern = new Map(EVENT_CONTRACTS.map((c) => [c.pattern, c]));

export function findContract(eventType: string, eventVersion: number): EventContract | undefined {
  return byPattern.get(patternOf(eventType, eventVersion));
}

export function contractForPattern(pattern: string): EventContract | undefined {
  return byPattern.get(pattern);
}

/** Parses raw message bytes into a validated envelope and payload, or throws EventValidationError. */
export function decodeEvent(raw: Buffer | string | null): {
  envelope: EventEnvelope;
  contract: EventContract;
} {
  if (raw === null) throw new EventValidationError('message has no value');
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch (err) {
    throw new EventValidationError(`message is not valid JSON (${(err as Error).message})`);
  }
  const envelope = validateEnvelope(json);
  const contract = findContract(envelope.eventType, envelope.eventVersion);
  if (!contract) {
    throw new EventValidationError(`unknown event ${patternOf(envelope.eventType, envelope.eventVersion)}`);
  }
  envelope.payload = validatePayload(contract, envelope.payload);
  return { envelope, contract };
}
