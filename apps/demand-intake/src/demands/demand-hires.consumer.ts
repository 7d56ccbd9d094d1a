import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { CandidateHiredV1Contract, type CandidateHiredV1, type EventEnvelope } from '#contracts';
import { HandlesEvent, PoisonEventError, type InboundEventContext } from '#messaging';
import { DemandEvents } from './demand-events.js';
import { DemandsRepository } from './demands.repository.js';
import { DemandLoader } from './use-cases/demand-context.js';

/** Counts hires announced by matching: once per graduate; at headcount a published demand is filled. */
@Controller()
export class DemandHiresConsumer {
  constructor(
    private readonly demands: DemandsRepository,
    private readonly loader: DemandLoader,
    private readonly events: DemandEvents,
  ) {}

  @HandlesEvent(CandidateHiredV1Contract)
  async onCandidateHired(
    @Payload() envelope: EventEnvelope<CandidateHiredV1>,
    @Ctx() ctx: InboundEventContext,
  ): Promise<void> {
    const { demandId, graduateId, hiredAt } = envelope.payload;
    const demand = await this.demands.lockById(ctx.manager, demandId);
    if (!demand) throw new PoisonEventError(`CandidateHired for unknown demand ${demandId}`);
    const counted = await this.demands.recordHire(ctx.manager, demandId, graduateId, new Date(hiredAt));
    if (!counted) return;
    demand.hiredCount += 1;
    demand.version += 1;
    const fills = demand.status === 'published' && demand.hiredCount >= demand.headcount;
    if (fills) {
      demand.status = 'filled';
      demand.closeReason = 'filled';
    }
    await this.demands.save(ctx.manager, demand);
    if (fills) {
      await this.events.closed(ctx.manager, demand, 'filled', {
        correlationId: envelope.correlationId ?? randomUUID(),
        causationId: envelope.eventId,
      });
    }
  }
}
