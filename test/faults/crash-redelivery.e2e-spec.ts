import {
  canaryReceipts,
  expectEventually,
  sendCanaries,
  startPlatform,
  topicMessageCount,
  waitFor,
  type TestPlatform,
} from '#testing';
import { PlatformCanaryV1Contract } from '#contracts';

describe('crash and redelivery', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startPlatform('crash', ['demand-intake', 'matching']);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('a consumer killed mid-batch and restarted applies no event twice', async () => {
    const producer = platform.service('demand-intake');
    const consumer = platform.service('matching');
    const streamKey = 'consumer-crash';
    const total = 4000;
    for (let from = 1; from <= total; from += 500) {
      expect((await sendCanaries(producer, streamKey, from, 500)).status).toBe(202);
    }
    // Kill while the stream is being applied, not before and not after.
    await waitFor(
      async () => {
        const s = await canaryReceipts(consumer, 'demand-intake', streamKey);
        return s.received > 200;
      },
      { timeoutMs: 60_000, intervalMs: 20, description: 'matching to be mid-stream' },
    );
    await consumer.kill('SIGKILL');
    await consumer.start();

    await expectEventually(
      async () => {
        expect(await canaryReceipts(consumer, 'demand-intake', streamKey)).toMatchObject({
          received: total,
          distinctSequences: total,
          outOfOrder: 0,
        });
      },
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
  });

  it('a relay crashed after the broker acknowledged a batch re-publishes it, and consumers absorb the duplicate', async () => {
    const producer = platform.service('demand-intake');
    const consumer = platform.service('matching');
    const streamKey = 'relay-crash';
    const total = 300;
    const topic = `${platform.topicPrefix}.${PlatformCanaryV1Contract.topic}`;

    // Write with the relay off, so the crash happens on a batch we know.
    await producer.stop();
    await producer.start({ OUTBOX_RELAY_ENABLED: 'false' });
    expect((await sendCanaries(producer, streamKey, 1, total)).status).toBe(202);
    await producer.stop();
    const before = await topicMessageCount(topic);

    // This run's relay sends the batch, the broker acknowledges it, and the process dies before marking it.
    await producer.start({ FAULT_INJECTION: 'relay-crash-after-send' }, { waitHealthy: false });
    await producer.exited();
    const afterCrash = await topicMessageCount(topic);
    expect(afterCrash - before).toBeGreaterThanOrEqual(total);

    await producer.start();
    await expectEventually(
      async () => {
        expect(await topicMessageCount(topic)).toBeGreaterThanOrEqual(before + 2 * total);
      },
      { timeoutMs: 60_000 },
    );
    await expectEventually(
      async () => {
        expect(await canaryReceipts(consumer, 'demand-intake', streamKey)).toMatchObject({
          received: total,
          distinctSequences: total,
          minSequence: 1,
          maxSequence: total,
          outOfOrder: 0,
        });
      },
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
  });
});
