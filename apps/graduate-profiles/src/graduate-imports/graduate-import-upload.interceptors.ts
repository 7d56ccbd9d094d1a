import {
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { getRequestCaller } from '#auth';
import { CollegeNotFoundException } from '../colleges/index.js';
import { mayManageImportsOf } from './graduate-import-access.policy.js';
import { GraduateImportException } from './graduate-import.exception.js';

/**
 * Put before the file interceptor: a caller who may not import for the college in the path gets
 * its 404 before a byte of the upload is stored.
 */
@Injectable()
export class ImportTenantInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ params?: Record<string, string> }>();
    const caller = getRequestCaller(request);
    const collegeId = request.params?.collegeId ?? '';
    if (caller && !mayManageImportsOf(caller, collegeId)) throw new CollegeNotFoundException(collegeId);
    return next.handle();
  }
}

/**
 * Put before the file interceptor: multer's refusals (file too large, a file under another field)
 * come out in English; this turns them into the import's own codes and Chinese messages.
 */
@Injectable()
export class ImportUploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((err: unknown) => throwError(() => translate(err))));
  }
}

function translate(err: unknown): unknown {
  const cause = err instanceof Error ? (err.cause as { code?: unknown; field?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (err instanceof PayloadTooLargeException && code === 'LIMIT_FILE_SIZE')
    return GraduateImportException.fileTooLarge();
  if (!(err instanceof BadRequestException) || !code) return err;
  if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') {
    return GraduateImportException.unexpectedField(typeof cause?.field === 'string' ? cause.field : undefined);
  }
  if (code.startsWith('LIMIT_') || code === 'MISSING_FIELD_NAME' || code === 'INVALID_FIELD_NAME') {
    return GraduateImportException.uploadInvalid(err.message);
  }
  return err;
}
