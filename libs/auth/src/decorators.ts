import { createParamDecorator, SetMetadata, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { CALLER_REQUEST_KEY, IS_PUBLIC_KEY, ROLES_KEY } from './auth.constants.js';
import type { Caller } from './caller.js';
import { INVALID_TOKEN_MESSAGES } from './errors.js';
import { isRole, ROLES, type Role } from './role.js';

/**
 * Marks a route (or a whole controller) as not requiring a token. The guard does not look at
 * the Authorization header at all on public routes, so @CurrentCaller() is unavailable there.
 * @Public() wins over @Roles().
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Restricts a route (or controller) to callers with one of `roles`. Method-level @Roles replaces
 * (does not merge with) class-level @Roles. Wrong role → 403 `role_forbidden`.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => {
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) {
    throw new Error(`@Roles: unknown role(s) ${unknown.join(', ')}; allowed: ${ROLES.join(', ')}`);
  }
  return SetMetadata(ROLES_KEY, Object.freeze([...roles]));
};

/** Reads the Caller the guard attached to the request; undefined when there is none. */
export function getRequestCaller(request: unknown): Caller | undefined {
  if (typeof request !== 'object' || request === null) {
    return undefined;
  }
  return (request as Record<string, Caller | undefined>)[CALLER_REQUEST_KEY];
}

/**
 * Parameter decorator: the verified Caller of the current HTTP request.
 * Throws 401 `token_missing` if there is none (e.g. used on a @Public() route).
 */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = getRequestCaller(context.switchToHttp().getRequest());
  if (!caller) {
    throw new UnauthorizedException({
      statusCode: 401,
      code: 'token_missing',
      message: INVALID_TOKEN_MESSAGES.token_missing,
    });
  }
  return caller;
});
