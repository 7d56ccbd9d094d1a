import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '#auth';
import { FixedClock } from '../clock.js';
import type { DestinationEvents } from '../destination-events.js';
import type { DestinationEntity } from '../destination.entity.js';
import type { DestinationGraduate, DestinationsRepository } from '../destinations.repository.js';
import { RegisterDestinationUseCase } from './register-destination.use-case.js';

const graduate: DestinationGraduate = {
  id: '7d9f0c1e-3b7a-4a53-9a55-2f1f5a4b7c01',
  collegeId: 'col-a',
  collegeName: '浙江示例大学',
  graduationYear: 2027,
  name: '王小明',
  erasedAt: null,
};
const self: Caller = { role: 'graduate', subject: graduate.id, orgId: 'col-a' };
const input = {
  categoryCode: '11',
  destinationDate: '2027-06-01',
  employerOrSchool: '杭州示例科技有限公司',
  cityCode: '330106',
  evidenceRef: 'HT-2027-001',
};

function setUp(now: string) {
  const inserted: DestinationEntity[] = [];
  const published: unknown[] = [];
  const manager = {} as EntityManager;
  const dataSource = { transaction: (work: (m: EntityManager) => Promise<unknown>) => work(manager) } as DataSource;
  const repository = {
    lockGraduate: () => Promise.resolve(graduate),
    insertDestination: (_m: EntityManager, d: DestinationEntity) => Promise.resolve(void inserted.push(d)),
  } as unknown as DestinationsRepository;
  const events = { recorded: (_m: EntityManager, r: unknown) => Promise.resolve(void published.push(r)) };
  const clock = new FixedClock(new Date(now));
  const useCase = new RegisterDestinationUseCase(dataSource, repository, events as unknown as DestinationEvents, clock);
  return { useCase, inserted, published, clock };
}

describe('RegisterDestinationUseCase and the injected clock', () => {
  it('registers on 31 August at 23:59 Beijing time, stamped with the clock, and writes its event', async () => {
    const { useCase, inserted, published } = setUp('2027-08-31T23:59:00+08:00');
    const record = await useCase.execute(self, graduate.id, input, 'corr-1');
    expect(inserted).toHaveLength(1);
    expect(published).toHaveLength(1);
    expect(record.destination).toMatchObject({ source: 'graduate', categoryCode: '11', collegeId: 'col-a' });
    expect(record.destination.recordedAt.toISOString()).toBe('2027-08-31T15:59:00.000Z');
  });

  it('refuses from 1 September 00:00 Beijing time with the 409 and writes nothing', async () => {
    const { useCase, inserted, published } = setUp('2027-09-01T00:00:00+08:00');
    await expect(useCase.execute(self, graduate.id, input, 'corr-2')).rejects.toMatchObject({
      code: 'destination_registration_locked',
      status: 409,
    });
    expect(inserted).toHaveLength(0);
    expect(published).toHaveLength(0);
  });

  it('checks the date against the clock’s today', async () => {
    const { useCase, inserted } = setUp('2027-05-31T12:00:00+08:00');
    await expect(useCase.execute(self, graduate.id, input, 'corr-3')).rejects.toMatchObject({
      response: { errors: [expect.objectContaining({ field: 'destinationDate', constraint: 'notInFuture' })] },
    });
    expect(inserted).toHaveLength(0);
  });

  it('gives another college the 404 of an unknown graduate', async () => {
    const { useCase } = setUp('2027-06-01T12:00:00+08:00');
    await expect(
      useCase.execute({ role: 'college', subject: 'u', orgId: 'col-b' }, graduate.id, input, 'corr-4'),
    ).rejects.toMatchObject({ status: 404 });
  });
});
