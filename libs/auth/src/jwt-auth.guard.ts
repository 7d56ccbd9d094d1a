import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CALLER_REQUEST_KEY, IS_PUBLIC_KEY, ROLES_KEY } from './auth.constants.js';
import type { Caller } from './caller.js';
import { FORBIDDEN_MESSAGES, INVALID_TOKEN_MESSAGES, InvalidTokenError } from './errors.js';
import { JwtVerifier } from './jwt-verifier.js';
import type { Role } from './role.js';

interface HttpRequestLike {
  headers?: Record<string, string | string[] | undefined>;
  [CALLER_REQUEST_KEY]?: Caller;
}

/**
 * Extracts the token from an `Authorization: Bearer <jwt>` header value.
 * Missing header, another scheme, or an empty token → token_missing;
 * more than one token-like part → token_malformed.
 */
export function extractBearerToken(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*Bearer(?:\s+(.*))?$/i.exec(value ?? '');
  const token = match?.[1]?.trim();
  if (!token) {
    throw new InvalidTokenError('token_missing');
  }
  if (/\s/.test(token)) {
    throw new InvalidTokenError('token_malformed', 'Authorization header has extra parts');
  }
  return token;
}

/** The 401 exception sent for an InvalidTokenError. */
export function unauthorizedFor(error: InvalidTokenError): UnauthorizedException {
  return new UnauthorizedException({
    statusCode: 401,
    code: error.reason,
    message: INVALID_TOKEN_MESSAGES[error.reason],
  });
}

/**
 * Global guard (registered by AuthModule.forRoot as APP_GUARD):
 * 1. non-HTTP contexts (rpc/kafka, ws, graphql) pass untouched;
 * 2. @Public() routes pass without looking at the token;
 * 3. otherwise a valid Bearer token is required (401 with `code`), the Caller is attached to
 *    the request (read it with @CurrentCaller());
 * 4. if @Roles(...) is present the caller's role must be listed (403 `role_forbidden`).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') {
      return true;
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true) {
      return true;
    }

    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequestLike>();
    let caller: Caller;
    try {
      caller = this.verifier.verify(extractBearerToken(request.headers?.['authorization']));
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        setWwwAuthenticate(http.getResponse<unknown>(), error);
        throw unauthorizedFor(error);
      }
      throw error;
    }
    request[CALLER_REQUEST_KEY] = caller;

    const requiredRoles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    if (requiredRoles && requiredRoles.length > 0 && !requiredRoles.includes(caller.role)) {
      throw new ForbiddenException({
        statusCode: 403,
        code: 'role_forbidden',
        message: FORBIDDEN_MESSAGES.role_forbidden,
        requiredRoles: [...requiredRoles],
      });
    }
    return true;
  }
}

/** RFC 6750 challenge header; best effort (Express `setHeader`, Fastify `header`). */
function setWwwAuthenticate(response: unknown, error: InvalidTokenError): void {
  const value =
    error.reason === 'token_missing' ? 'Bearer' : `Bearer error="invalid_token", error_description="${error.reason}"`;
  const res = response as {
    setHeader?: (name: string, value: string) => unknown;
    header?: (name: string, value: string) => unknown;
  };
  if (typeof res?.setHeader === 'function') {
    res.setHeader('WWW-Authenticate', value);
  } else if (typeof res?.header === 'function') {
    res.header('WWW-Authenticate', value);
  }
}
