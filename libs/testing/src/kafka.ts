import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { repoRoot } from './paths.js';
import { testEnvironment } from './test-environment.js';

export const TEST_KAFKA_BROKERS = testEnvironment.TEST_KAFKA_BROKERS;

/** A topic prefix of its own per test file: suites share one broker without crossing. */
export function uniqueTopicPrefix(label: string): string {
  return `t${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}${randomBytes(3).toString('hex')}`;
}

export function testKafka(clientId = 'tb-test'): Kafka {
  return new Kafka({ clientId, brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING });
}

export interface RecordedMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

function flatHeaders(h: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {}))
    if (v !== undefined) out[k] = Array.isArray(v) ? String(v[0]) : String(v);
  return out;
}

/** Reads a topic from the beginning until `count` messages arrived or the timeout passed. */
export async function readTopic(topic: string, count: number, timeoutMs = 30_000): Promise<RecordedMessage[]> {
  const kafka = testKafka();
  const consumer = kafka.consumer({ groupId: `reader-${randomBytes(4).toString('hex')}` });
  const messages: RecordedMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ message, partition }) => {
          messages.push({
            key: message.key?.toString('utf8') ?? null,
            value: message.value?.toString('utf8') ?? null,
            headers: flatHeaders(message.headers),
            partition,
            offset: message.offset,
          });
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** Sum of messages ever written to a topic (end offsets), duplicates included. */
export async function topicMessageCount(topic: string): Promise<number> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

const run = promisify(execFile);

/** Stops or starts the project's local broker through deploy/kafka.sh (fault tests only). */
export async function kafkaBroker(action: 'start' | 'stop' | 'kill'): Promise<void> {
  const args = action === 'kill' ? ['stop', '--kill'] : [action];
  await run('bash', [`${repoRoot()}/deploy/kafka.sh`, ...args], { timeout: 180_000 });
}
