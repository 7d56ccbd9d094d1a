import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  DemandClosedV1Contract,
  DemandPausedV1Contract,
  DemandPublishedV1Contract,
  DemandUpdatedV1Contract,
  DestinationRecordedV1Contract,
  GraduateConsentChangedV1Contract,
  GraduateErasedV1Contract,
  GraduateProfileUpsertedV1Contract,
  type DemandClosedV1,
  type DemandPausedV1,
  type DemandPublishedV1,
  type DemandUpdatedV1,
  type DestinationRecordedV1,
  type EventEnvelope,
  type GraduateConsentChangedV1,
  type GraduateErasedV1,
  type GraduateProfileUpsertedV1,
} from '#contracts';
import { HandlesEvent, type InboundEventContext } from '#messaging';
import { ReadModelChanges, type GraduateChangeCause } from './read-model.changes.js';
import { ReadModelRepository, type DemandReadStatus } from './read-model.repository.js';

const causedBy = (e: EventEnvelope) => ({ correlationId: e.correlationId ?? e.eventId, causationId: e.eventId });

/**
 * Feeds matching's read model from demand-intake and graduate-profiles events, in the inbox
 * transaction; listeners (the ranking index) hear of each change only after it committed.
 */
@Controller()
export class ReadModelConsumer {
  constructor(
    private readonly store: ReadModelRepository,
    private readonly changes: ReadModelChanges,
  ) {}

  @HandlesEvent(DemandPublishedV1Contract)
  async onDemandPublished(@Payload() e: EventEnvelope<DemandPublishedV1>, @Ctx() ctx: InboundEventContext) {
    await this.storeDemand(ctx, e.payload.demand, 'open');
  }

  @HandlesEvent(DemandUpdatedV1Contract)
  async onDemandUpdated(@Payload() e: EventEnvelope<DemandUpdatedV1>, @Ctx() ctx: InboundEventContext) {
    await this.storeDemand(ctx, e.payload.demand, 'open');
  }

  @HandlesEvent(DemandPausedV1Contract)
  async onDemandPaused(@Payload() e: EventEnvelope<DemandPausedV1>, @Ctx() ctx: InboundEventContext) {
    await this.demandStatus(ctx, e.payload.demandId, 'paused', e.payload.version);
  }

  @HandlesEvent(DemandClosedV1Contract)
  async onDemandClosed(@Payload() e: EventEnvelope<DemandClosedV1>, @Ctx() ctx: InboundEventContext) {
    await this.demandStatus(ctx, e.payload.demandId, 'closed', e.payload.version);
    await this.changes.demandClosed(ctx.manager, e.payload.demandId, causedBy(e));
  }

  @HandlesEvent(GraduateProfileUpsertedV1Contract)
  async onProfileUpserted(@Payload() e: EventEnvelope<GraduateProfileUpsertedV1>, @Ctx() ctx: InboundEventContext) {
    const { graduate } = e.payload;
    if (await this.store.isErased(ctx.manager, graduate.graduateId)) return;
    if (await this.store.upsertGraduateSnapshot(ctx.manager, graduate)) {
      await this.announceGraduate(ctx, graduate.graduateId, 'profile');
    }
  }

  @HandlesEvent(GraduateConsentChangedV1Contract)
  async onConsentChanged(@Payload() e: EventEnvelope<GraduateConsentChangedV1>, @Ctx() ctx: InboundEventContext) {
    const { graduateId, collegeId, status } = e.payload;
    if (await this.store.isErased(ctx.manager, graduateId)) return;
    await this.store.setConsent(ctx.manager, graduateId, collegeId, status);
    if (status !== 'given') {
      await this.changes.graduateUnavailable(ctx.manager, graduateId, 'consent_withdrawn', causedBy(e));
    }
    await this.announceGraduate(ctx, graduateId, 'consent');
  }

  @HandlesEvent(GraduateErasedV1Contract)
  async onErased(@Payload() e: EventEnvelope<GraduateErasedV1>, @Ctx() ctx: InboundEventContext) {
    await this.store.eraseGraduate(ctx.manager, e.payload.graduateId, new Date(e.payload.erasedAt));
    await this.changes.graduateUnavailable(ctx.manager, e.payload.graduateId, 'erased', causedBy(e));
    ctx.afterCommit(() =>
      this.changes.announce({ kind: 'graduate', graduateId: e.payload.graduateId, graduate: null, cause: 'erased' }),
    );
  }

  @HandlesEvent(DestinationRecordedV1Contract)
  async onDestination(@Payload() e: EventEnvelope<DestinationRecordedV1>, @Ctx() ctx: InboundEventContext) {
    const d = e.payload;
    if (await this.store.isErased(ctx.manager, d.graduateId)) return;
    // A returned registration is as good as none: the graduate is available again.
    const placed = d.countsAsPlaced && d.status !== 'returned';
    if (await this.store.recordPlacement(ctx.manager, d.graduateId, d.destinationId, placed, new Date(d.recordedAt))) {
      if (placed) await this.changes.graduateUnavailable(ctx.manager, d.graduateId, 'placed', causedBy(e));
      await this.announceGraduate(ctx, d.graduateId, 'placement');
    }
  }

  private async storeDemand(ctx: InboundEventContext, snapshot: DemandPublishedV1['demand'], status: DemandReadStatus) {
    if (await this.store.upsertDemand(ctx.manager, snapshot, status)) {
      await this.store.queueEvaluation(ctx.manager, 'demand', snapshot.demandId);
      await this.announceDemand(ctx, snapshot.demandId);
    }
  }

  private async demandStatus(ctx: InboundEventContext, demandId: string, status: DemandReadStatus, version: number) {
    // A pause or close for a demand matching never saw open (e.g. paused before verification) needs nothing.
    if (await this.store.setDemandStatus(ctx.manager, demandId, status, version)) {
      await this.announceDemand(ctx, demandId);
    }
  }

  private async announceDemand(ctx: InboundEventContext, demandId: string) {
    const demand = await this.store.loadDemand(ctx.manager, demandId);
    ctx.afterCommit(() => this.changes.announce({ kind: 'demand', demandId, demand }));
  }

  private async announceGraduate(ctx: InboundEventContext, graduateId: string, cause: GraduateChangeCause) {
    if (cause === 'profile' || cause === 'consent')
      await this.store.queueEvaluation(ctx.manager, 'graduate', graduateId);
    const graduate = await this.store.loadGraduate(ctx.manager, graduateId);
    ctx.afterCommit(() => this.changes.announce({ kind: 'graduate', graduateId, graduate, cause }));
  }
}
