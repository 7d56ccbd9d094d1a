import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CandidateStatusChangedV1Contract, type CandidateStatusChangedV1, type EventEnvelope } from '#contracts';
import { HandlesEvent, PoisonEventError, type InboundEventContext } from '#messaging';
import { AcceptedEnterprisesRepository } from './accepted-enterprises.repository.js';
import { enterpriseAccessChangeOf } from './enterprise-acceptance.js';
import { GraduatesRepository } from './graduates.repository.js';

/**
 * Follows matching's candidate pipeline: a graduate's acceptance lets that enterprise read the
 * graduate's identity and contacts; declining, withdrawing or a rejection takes it back. Runs in
 * the inbox transaction, so a redelivered event changes nothing twice.
 */
@Controller()
export class CandidateAcceptanceConsumer {
  constructor(
    private readonly graduates: GraduatesRepository,
    private readonly accepted: AcceptedEnterprisesRepository,
  ) {}

  @HandlesEvent(CandidateStatusChangedV1Contract)
  async onCandidateStatusChanged(
    @Payload() envelope: EventEnvelope<CandidateStatusChangedV1>,
    @Ctx() ctx: InboundEventContext,
  ): Promise<void> {
    const { graduateId, enterpriseId, demandId, status, changedAt } = envelope.payload;
    const change = enterpriseAccessChangeOf(status);
    if (!change) return;
    const grant = { graduateId, enterpriseId, demandId, at: new Date(changedAt) };
    const graduate = await this.graduates.findById(ctx.manager, graduateId);
    if (change === 'revoke') {
      if (graduate) await this.accepted.revoke(ctx.manager, grant);
      return;
    }
    // Matching only knows graduates from this service's events: an unknown one can never be granted.
    if (!graduate) throw new PoisonEventError(`CandidateStatusChanged(${status}) for unknown graduate ${graduateId}`);
    // After erasure nobody learns who the graduate was.
    if (graduate.erasedAt) return;
    await this.accepted.grant(ctx.manager, grant);
  }
}
