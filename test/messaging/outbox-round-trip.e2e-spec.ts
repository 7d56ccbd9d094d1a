import { canaryReceipts, expectEventually, sendCanaries, startPlatform, type TestPlatform } from '#testing';

const KEYS = Number(process.env.ROUND_TRIP_KEYS ?? 10);
const PER_KEY = Number(process.env.ROUND_TRIP_PER_KEY ?? 1000);
const PER_REQUEST = 250;

describe('outbox round trip over the real broker', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startPlatform('roundtrip', ['demand-intake', 'matching']);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it(`applies ${KEYS * PER_KEY} events written by one service exactly once, in order per key, in another`, async () => {
    const producer = platform.service('demand-intake');
    const consumer = platform.service('matching');
    for (let from = 1; from <= PER_KEY; from += PER_REQUEST) {
      const writes = Array.from({ length: KEYS }, (_, k) => sendCanaries(producer, `key-${k}`, from, PER_REQUEST));
      for (const res of await Promise.all(writes)) expect(res.status).toBe(202);
    }
    for (let k = 0; k < KEYS; k += 1) {
      await expectEventually(
        async () => {
          const summary = await canaryReceipts(consumer, 'demand-intake', `key-${k}`);
          expect(summary).toEqual({
            producer: 'demand-intake',
            streamKey: `key-${k}`,
            received: PER_KEY,
            distinctSequences: PER_KEY,
            minSequence: 1,
            maxSequence: PER_KEY,
            outOfOrder: 0,
          });
        },
        { timeoutMs: 180_000, intervalMs: 1000 },
      );
    }
  });
});
