import { HttpException } from '@nestjs/common';

/**
 * Base of every module's exception: a stable string code for clients, an HTTP status for the
 * edge, and a message in Chinese for the person reading it. Extra fields (e.g. `field`,
 * `allowedTransitions`) go into the body as they are.
 */
export class AppException extends HttpException {
  constructor(
    readonly code: string,
    status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super({ statusCode: status, code, message, ...details }, status);
  }
}

/** The resource does not exist, or the caller may not know it exists (tenant isolation). */
export class NotFoundAppException extends AppException {
  constructor(what: string, id: string) {
    super('not_found', 404, `${what}不存在：${id}`, { id });
  }
}

/** Strong ETag for a versioned resource. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Reads the version a client expects from If-Match (`"3"`, `W/"3"` or `3`).
 * Missing → 428; malformed → 400.
 */
export function expectedVersionFrom(ifMatch: string | undefined): number {
  if (!ifMatch) {
    throw new AppException(
      'precondition_required',
      428,
      '更新需要 If-Match 请求头（资源的 ETag），以免覆盖他人的修改',
      {
        field: 'If-Match',
      },
    );
  }
  const match = /^(W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (!match) {
    throw new AppException('if_match_invalid', 400, 'If-Match 请求头格式不正确，应为资源的 ETag，例如 "3"', {
      field: 'If-Match',
    });
  }
  return Number(match[2]);
}

/** The resource changed since the client read it. */
export class StaleVersionException extends AppException {
  constructor(currentVersion: number) {
    super('version_conflict', 412, '资源已被修改，请重新获取后再提交', {
      currentVersion,
      currentEtag: etagOf(currentVersion),
    });
  }
}
