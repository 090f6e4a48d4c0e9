import type { MemberStatus, Role, ScopeKind } from '../enums.js';

export interface RoleScope {
  role: Role;
  scopeKind: ScopeKind;
  scopeId: string | null;
  /** Human-readable name of the scope (community, street, unit, branch or 全区). */
  scopeName: string;
}

export interface MeResponse {
  id: string;
  name: string;
  /** Always masked here (138****1234); the full number is shown only where a duty needs it, and audited. */
  maskedPhone: string | null;
  status: MemberStatus;
  unit: { id: string; name: string };
  branch: { id: string; name: string } | null;
  roles: RoleScope[];
}
