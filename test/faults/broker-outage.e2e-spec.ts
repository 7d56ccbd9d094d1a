import {
  canaryReceipts,
  expectEventually,
  kafkaBroker,
  sendCanaries,
  startPlatform,
  type TestPlatform,
} from '#testing';

/**
 * Stops the shared local broker: this file must not run beside other Kafka suites
 * (the e2e project runs in band).
 */
describe('broker outage', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startPlatform('outage', ['demand-intake', 'matching']);
  });

  afterAll(async () => {
    await kafkaBroker('start');
    await platform?.stop();
  });

  it('keeps accepting writes while Kafka is down and delivers every event once, in order, after it returns', async () => {
    const producer = platform.service('demand-intake');
    const streamKey = 'outage';
    const statuses: number[] = [];
    let next = 1;
    const write = async () => {
      const res = await sendCanaries(producer, streamKey, next, 10);
      statuses.push(res.status);
      if (res.status === 202) next += 10;
    };

    for (let i = 0; i < 10; i += 1) await write();
    await kafkaBroker('stop');
    const outageEnds = Date.now() + 10_000;
    while (Date.now() < outageEnds) {
      await write();
      await new Promise((r) => setTimeout(r, 100));
    }
    await kafkaBroker('start');
    for (let i = 0; i < 10; i += 1) await write();

    expect(statuses.every((s) => s === 202)).toBe(true);
    const total = next - 1;
    expect(total).toBeGreaterThan(200);
    await expectEventually(
      async () => {
        expect(await canaryReceipts(platform.service('matching'), 'demand-intake', streamKey)).toMatchObject({
          received: total,
          distinctSequences: total,
          minSequence: 1,
          maxSequence: total,
          outOfOrder: 0,
        });
      },
      { timeoutMs: 180_000, intervalMs: 1000 },
    );
    // Both services noticed the outage and recovered without a restart.
    for (const name of ['demand-intake', 'matching'] as const) {
      await expectEventually(
        async () => {
          expect((await platform.service(name).request('/health')).status).toBe(200);
        },
        { timeoutMs: 60_000 },
      );
    }
  });
});
