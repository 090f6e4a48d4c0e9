import type { Role, ScopeKind } from '@pioneer/shared-types';

export interface AuthScope {
  role: Role;
  scopeKind: ScopeKind;
  scopeId: string | null;
}

/** The signed-in person as every guard and service sees them, loaded fresh from the database on each request. */
export interface AuthUser {
  memberId: string;
  roles: AuthScope[];
}

export interface AccessTokenPayload {
  sub: string;
  typ: 'access';
  /** The session (refresh-token family) it belongs to: once that session is logged out or revoked, so is this token. */
  sid?: string;
}
