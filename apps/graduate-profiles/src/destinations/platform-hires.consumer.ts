import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CandidateHiredV1Contract,
  EnterpriseRegisteredV1Contract,
  EnterpriseUpdatedV1Contract,
  type CandidateHiredV1,
  type EnterpriseRegisteredV1,
  type EnterpriseUpdatedV1,
  type EventEnvelope,
} from '#contracts';
import { HandlesEvent, type InboundEventContext } from '#messaging';
import { DestinationsRepository } from './destinations.repository.js';
import { RecordPlatformHireUseCase } from './use-cases/record-platform-hire.use-case.js';

/**
 * Hires on the platform become pending destinations; enterprise names are kept so those records
 * can name the employer. Everything is written through the inbox transaction.
 */
@Controller()
export class PlatformHiresConsumer {
  constructor(
    private readonly recordHire: RecordPlatformHireUseCase,
    private readonly destinations: DestinationsRepository,
  ) {}

  @HandlesEvent(CandidateHiredV1Contract)
  async onCandidateHired(
    @Payload() envelope: EventEnvelope<CandidateHiredV1>,
    @Ctx() ctx: InboundEventContext,
  ): Promise<void> {
    await this.recordHire.execute(ctx.manager, envelope);
  }

  @HandlesEvent(EnterpriseRegisteredV1Contract)
  async onEnterpriseRegistered(
    @Payload() envelope: EventEnvelope<EnterpriseRegisteredV1>,
    @Ctx() ctx: InboundEventContext,
  ): Promise<void> {
    const { enterpriseId, name, version } = envelope.payload;
    await this.destinations.upsertEnterpriseName(ctx.manager, enterpriseId, name, version);
  }

  @HandlesEvent(EnterpriseUpdatedV1Contract)
  async onEnterpriseUpdated(
    @Payload() envelope: EventEnvelope<EnterpriseUpdatedV1>,
    @Ctx() ctx: InboundEventContext,
  ): Promise<void> {
    const { enterpriseId, name, version } = envelope.payload;
    await this.destinations.upsertEnterpriseName(ctx.manager, enterpriseId, name, version);
  }
}
