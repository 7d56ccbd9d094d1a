import {
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { DemandImportException } from './demand-import.exception.js';

/**
 * Put before FileInterceptor: multer's refusals (file too large, a file under another field)
 * come out in English; this turns them into the import's own codes and Chinese messages.
 */
@Injectable()
export class DemandImportUploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((err: unknown) => throwError(() => translate(err))));
  }
}

function translate(err: unknown): unknown {
  const cause = err instanceof Error ? (err.cause as { code?: unknown; field?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (err instanceof PayloadTooLargeException && code === 'LIMIT_FILE_SIZE')
    return DemandImportException.fileTooLarge();
  if (!(err instanceof BadRequestException) || !code) return err;
  if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') {
    return DemandImportException.unexpectedField(typeof cause?.field === 'string' ? cause.field : undefined);
  }
  if (code.startsWith('LIMIT_') || code === 'MISSING_FIELD_NAME' || code === 'INVALID_FIELD_NAME') {
    return DemandImportException.uploadInvalid(err.message);
  }
  return err;
}
