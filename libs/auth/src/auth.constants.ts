/**
 * Name of the Swagger security scheme. In an app's main.ts:
 *   new DocumentBuilder().addBearerAuth(BEARER_AUTH_SCHEME, BEARER_AUTH_NAME)
 * and on controllers `@ApiBearerAuth(BEARER_AUTH_NAME)`.
 */
export const BEARER_AUTH_NAME = 'bearer';

/** Swagger security scheme object for `addBearerAuth(BEARER_AUTH_SCHEME, BEARER_AUTH_NAME)`. */
export const BEARER_AUTH_SCHEME = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description: 'RS256 访问令牌 / RS256 access token (dev: `npm run -s token -- --role <role> --org <id>`)',
} as const;

/** Injection token of the AuthModuleOptions. */
export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** Metadata keys set by @Public() and @Roles(). */
export const IS_PUBLIC_KEY = 'auth:isPublic';
export const ROLES_KEY = 'auth:roles';

/** Property of the HTTP request the guard stores the verified Caller on. */
export const CALLER_REQUEST_KEY = 'caller';

/** Repo-relative paths of the dev key pair written by `bash deploy/dev-keys.sh`. */
export const DEV_PRIVATE_KEY_PATH = '.local/dev-jwt/private.pem';
export const DEV_PUBLIC_KEY_PATH = '.local/dev-jwt/public.pem';
