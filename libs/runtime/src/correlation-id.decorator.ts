import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

/**
 * The id that ties the events of one request together: the request id the HTTP logger assigned
 * (from `x-request-id` or generated), so log lines and events can be matched.
 */
export const CorrelationId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<{ id?: unknown; headers?: Record<string, unknown> }>();
  if (typeof request.id === 'string' && request.id !== '') return request.id;
  const header = request.headers?.['x-request-id'];
  return typeof header === 'string' && header !== '' && header.length <= 128 ? header : randomUUID();
});
