/** Every role a caller can have. A token carries exactly one. */
export const ROLES = ['platform_admin', 'organizer', 'enterprise', 'college', 'graduate'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: '平台管理员',
  organizer: '组织方',
  enterprise: '企业',
  college: '院校',
  graduate: '毕业生',
};

/**
 * Roles whose token must carry `org`: the enterprise id, college id or organizer org id;
 * for `graduate` it is the graduate's college id. Only `platform_admin` may have no org.
 */
export const ROLES_REQUIRING_ORG: readonly Role[] = ['organizer', 'enterprise', 'college', 'graduate'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleRequiresOrg(role: Role): boolean {
  return ROLES_REQUIRING_ORG.includes(role);
}
