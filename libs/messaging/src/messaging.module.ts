import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { KafkaBroker } from './kafka/kafka-broker.js';
import { MessagingHealthIndicator } from './messaging.health.js';
import { MESSAGE_BROKER, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.options.js';
import { MessagingRuntime, nestMessagingLogger } from './messaging.runtime.js';
import { OutboxWriter } from './outbox/outbox-writer.js';
import { TopicNames } from './topic-names.js';

@Module({})
export class MessagingModule {
  static forRootAsync(options: {
    imports?: DynamicModule['imports'];
    inject: any[];
    useFactory: (...args: any[]) => MessagingModuleOptions;
  }): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [...(options.imports ?? []), TerminusModule],
      providers: [
        { provide: MESSAGING_OPTIONS, inject: options.inject, useFactory: options.useFactory },
        {
          provide: MESSAGE_BROKER,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingModuleOptions) => {
            const log = nestMessagingLogger('Kafka');
            return new KafkaBroker({
              ...o.kafka,
              log: (level, message, extra) => log[level](message, extra),
            });
          },
        },
        {
          provide: TopicNames,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingModuleOptions) => new TopicNames(o.topicPrefix),
        },
        {
          provide: OutboxWriter,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingModuleOptions) => new OutboxWriter(o.schema, o.service),
        },
        MessagingRuntime,
        MessagingHealthIndicator,
      ],
      exports: [
        OutboxWriter,
        TopicNames,
        MessagingRuntime,
        MessagingHealthIndicator,
        MESSAGING_OPTIONS,
        MESSAGE_BROKER,
      ],
    };
  }
}
