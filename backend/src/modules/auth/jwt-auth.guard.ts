import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { INACTIVE_MEMBER_STATUSES, type MemberStatus, type Role, type ScopeKind } from '@pioneer/shared-types';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AccessTokenPayload, AuthUser } from '../../common/auth/auth-user.js';
import { IS_PUBLIC } from '../../common/auth/public.decorator.js';

/**
 * Every route needs a valid access token unless marked @Public. Roles are read from the database per request,
 * so a revoked role or a member who has left loses access at once rather than when the token expires.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw new DomainException('UNAUTHENTICATED');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(header.slice('Bearer '.length).trim());
    } catch (error) {
      throw new DomainException((error as Error).name === 'TokenExpiredError' ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED');
    }
    if (payload.typ !== 'access' || typeof payload.sub !== 'string') throw new DomainException('UNAUTHENTICATED');
    const found = await this.lookUp(payload.sub, payload.sid);
    // Logout, unbinding and refresh-token reuse delete the session's rows; its access tokens stop here, not at expiry.
    if (!found.sessionLive) throw new DomainException('SESSION_EXPIRED');
    if (!found.member) throw new DomainException('UNAUTHENTICATED');
    if (INACTIVE_MEMBER_STATUSES.includes(found.member.status)) throw new DomainException('MEMBER_INACTIVE');
    request.user = { memberId: found.member.id, roles: found.roles };
    return true;
  }

  /**
   * The session, the member and their roles in one statement, since every request pays for it: a one-row derived table
   * carries whether the session is live, so a missing member still reads as "no member" rather than as no answer.
   */
  private async lookUp(memberId: string, sessionId: string | undefined): Promise<Lookup> {
    const live = sessionId === undefined ? '1' : 'CASE WHEN EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = ?) THEN 1 ELSE 0 END';
    const rows: LookupRow[] = await this.ds.query(
      `SELECT s.live AS live, m.id AS member_id, m.status AS status, r.role AS role, r.scope_kind AS scope_kind, r.scope_id AS scope_id
         FROM (SELECT ${live} AS live) s
         LEFT JOIN members m ON m.id = ?
         LEFT JOIN role_assignments r ON r.member_id = m.id`,
      sessionId === undefined ? [memberId] : [sessionId, memberId],
    );
    const first = rows[0];
    return {
      sessionLive: Number(first?.live) === 1,
      member: first?.member_id && first.status ? { id: first.member_id, status: first.status } : null,
      roles: rows.flatMap((r) => (r.role && r.scope_kind ? [{ role: r.role, scopeKind: r.scope_kind, scopeId: r.scope_id }] : [])),
    };
  }
}

interface LookupRow {
  live: number | string;
  member_id: string | null;
  status: MemberStatus | null;
  role: Role | null;
  scope_kind: ScopeKind | null;
  scope_id: string | null;
}

interface Lookup {
  sessionLive: boolean;
  member: { id: string; status: MemberStatus } | null;
  roles: AuthUser['roles'];
}
