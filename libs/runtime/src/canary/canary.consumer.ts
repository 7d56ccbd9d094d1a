import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { PlatformCanaryV1Contract, type EventEnvelope, type PlatformCanaryV1 } from '#contracts';
import { HandlesEvent, type InboundEventContext } from '#messaging';
import { CanaryService } from './canary.service.js';

@Controller()
export class CanaryConsumer {
  constructor(private readonly canaries: CanaryService) {}

  @HandlesEvent(PlatformCanaryV1Contract)
  async onCanary(@Payload() envelope: EventEnvelope<PlatformCanaryV1>, @Ctx() context: InboundEventContext) {
    await this.canaries.record(context.manager, envelope);
  }
}
