import { ROLE_LABELS, type Role, type ScopeKind } from '@pioneer/shared-types';

/**
 * A role with what it covers, as people read it: "社区工作者 · 幸福里社区", "组织者 · 全区". A role over oneself (every
 * member's own) is just the role: "党员", not "党员 · 本人".
 */
export function formatRole(scope: { role: Role; scopeKind: ScopeKind; scopeName: string }): string {
  const role = ROLE_LABELS[scope.role];
  if (scope.scopeKind === 'self' || !scope.scopeName.trim()) return role;
  return `${role} · ${scope.scopeName}`;
}
