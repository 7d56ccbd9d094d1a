/** Why a request was not authenticated. Sent to clients as `code` in the 401 body. */
export const INVALID_TOKEN_REASONS = [
  'token_missing',
  'token_malformed',
  'token_expired',
  'token_signature_invalid',
  'token_claims_invalid',
] as const;
export type InvalidTokenReason = (typeof INVALID_TOKEN_REASONS)[number];

/** User-facing (Chinese) message for each reason; sent as `message` in the 401 body. */
export const INVALID_TOKEN_MESSAGES: Record<InvalidTokenReason, string> = {
  token_missing: '缺少访问令牌',
  token_malformed: '访问令牌无效：格式错误',
  token_expired: '访问令牌已过期',
  token_signature_invalid: '访问令牌无效：签名校验失败',
  token_claims_invalid: '访问令牌无效：声明内容不合法',
};

/**
 * A token could not be turned into a Caller. `reason` is safe to show to clients;
 * `detail` is for logs only (it may mention expected issuer/audience etc.).
 */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';

  constructor(
    readonly reason: InvalidTokenReason,
    readonly detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

/** 403 body codes. */
export const FORBIDDEN_CODES = ['role_forbidden', 'tenant_forbidden'] as const;
export type ForbiddenCode = (typeof FORBIDDEN_CODES)[number];

export const FORBIDDEN_MESSAGES: Record<ForbiddenCode, string> = {
  role_forbidden: '当前角色无权执行此操作',
  tenant_forbidden: '无权访问其他机构的数据',
};
