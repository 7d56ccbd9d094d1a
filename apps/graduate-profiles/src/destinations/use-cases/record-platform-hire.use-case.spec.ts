import type { EntityManager } from 'typeorm';
import type { CandidateHiredV1, EventEnvelope } from '#contracts';
import { FixedClock } from '../clock.js';
import type { DestinationEvents } from '../destination-events.js';
import type { DestinationEntity } from '../destination.entity.js';
import type { DestinationGraduate, DestinationsRepository } from '../destinations.repository.js';
import { RecordPlatformHireUseCase } from './record-platform-hire.use-case.js';

const graduate: DestinationGraduate = {
  id: 'a1c7f9a2-5a0b-4c47-9d0e-0b8a4c1d2e3f',
  collegeId: 'col-a',
  collegeName: '浙江示例大学',
  graduationYear: 2027,
  name: '王小明',
  erasedAt: null,
};

const envelope = (hiredAt: string): EventEnvelope<CandidateHiredV1> => ({
  eventId: '6f1d2c3b-4a59-4e8f-9a7b-1c2d3e4f5a6b',
  eventType: 'CandidateHired',
  eventVersion: 1,
  occurredAt: hiredAt,
  producer: 'matching',
  correlationId: 'corr-1',
  causationId: null,
  payload: { demandId: 'demand-1', enterpriseId: 'ent-1', graduateId: graduate.id, hiredAt },
});

function setUp(now: string, { known = graduate as DestinationGraduate | null, fresh = true } = {}) {
  const inserted: DestinationEntity[] = [];
  const published: unknown[] = [];
  const repository = {
    lockGraduate: () => Promise.resolve(known),
    enterpriseName: () => Promise.resolve(null),
    insertPlatformDestination: (_m: EntityManager, d: DestinationEntity) => {
      inserted.push(d);
      return Promise.resolve(fresh);
    },
  } as unknown as DestinationsRepository;
  const events = { recorded: (_m: EntityManager, r: unknown) => Promise.resolve(void published.push(r)) };
  const useCase = new RecordPlatformHireUseCase(
    repository,
    events as unknown as DestinationEvents,
    new FixedClock(new Date(now)),
  );
  return { useCase, inserted, published, manager: {} as EntityManager };
}

describe('RecordPlatformHireUseCase', () => {
  it('records a pending platform destination dated the hire day in Beijing, and its event', async () => {
    const { useCase, inserted, published, manager } = setUp('2027-06-01T12:00:00+08:00');
    expect(await useCase.execute(manager, envelope('2027-05-31T17:30:00Z'))).toBe('recorded');
    expect(inserted[0]).toMatchObject({
      source: 'platform',
      categoryCode: '10',
      destinationDate: '2027-06-01',
      enterpriseId: 'ent-1',
      demandId: 'demand-1',
      collegeId: 'col-a',
    });
    expect(published).toHaveLength(1);
  });

  it('publishes nothing for a hire already recorded for the same demand', async () => {
    const { useCase, published, manager } = setUp('2027-06-01T12:00:00+08:00', { fresh: false });
    expect(await useCase.execute(manager, envelope('2027-05-31T10:00:00Z'))).toBe('duplicate');
    expect(published).toHaveLength(0);
  });

  it('skips, without failing, a hire after the cohort’s window, of an erased or an unknown graduate', async () => {
    const late = setUp('2027-09-01T00:00:00+08:00');
    expect(await late.useCase.execute(late.manager, envelope('2027-08-31T10:00:00Z'))).toBe('locked');
    expect(late.inserted).toHaveLength(0);
    const erased = setUp('2027-06-01T12:00:00+08:00', { known: { ...graduate, erasedAt: new Date() } });
    expect(await erased.useCase.execute(erased.manager, envelope('2027-05-31T10:00:00Z'))).toBe('erased');
    const unknown = setUp('2027-06-01T12:00:00+08:00', { known: null });
    expect(await unknown.useCase.execute(unknown.manager, envelope('2027-05-31T10:00:00Z'))).toBe('unknown_graduate');
    expect([...erased.inserted, ...unknown.inserted]).toHaveLength(0);
  });
});
