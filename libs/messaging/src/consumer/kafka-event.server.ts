import { applyDecorators, Catch, UseFilters, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { EventPattern, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom, throwError, type Observable } from 'rxjs';
import { contractForPattern, type EventContract } from '#contracts';
import { MessagingConfigError } from '../errors.js';
import type { EventConsumer, EventHandlerFn } from './event-consumer.js';

/**
 * Nest transport that feeds `@EventPattern(SomeEventV1Contract.pattern)` handlers from our
 * EventConsumer: handlers stay plain Nest consumers; retries, inbox and dead-lettering stay here.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  // Handler errors must reach the consumer (to retry or dead-letter), not be logged and dropped.
  override readonly propagatesEventHandlerErrors = true;
  private consumer: EventConsumer | null = null;

  constructor(
    private readonly createConsumer: (
      handlers: Map<string, { contract: EventContract; handle: EventHandlerFn }>,
    ) => EventConsumer,
  ) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    this.start().then(
      () => callback(),
      (err: unknown) => callback(err),
    );
  }

  private async start(): Promise<void> {
    const handlers = new Map<string, { contract: EventContract; handle: EventHandlerFn }>();
    for (const [pattern, handler] of this.messageHandlers) {
      const contract = contractForPattern(pattern);
      if (!contract) {
        throw new MessagingConfigError(`@EventPattern('${pattern}') does not name a registered event contract`);
      }
      handlers.set(pattern, {
        contract,
        handle: async (envelope, context) => {
          const result = await handler(envelope, context);
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        },
      });
    }
    if (!handlers.size) return;
    this.consumer = this.createConsumer(handlers);
    await this.consumer.start();
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = null;
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }
}

/** Lets the original handler error through to KafkaEventServer instead of Nest's generic RPC error. */
@Catch()
export class RethrowEventErrorsFilter implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Marks a consumer method as the handler of one event contract: an `@EventPattern` on its
 * pattern, with errors passed through untouched to the retry and dead-letter logic.
 */
export function HandlesEvent(contract: EventContract<any>): MethodDecorator {
  return applyDecorators(EventPattern<string>(contract.pattern), UseFilters(new RethrowEventErrorsFilter()));
}
