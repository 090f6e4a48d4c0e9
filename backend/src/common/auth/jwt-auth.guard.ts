import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { INACTIVE_MEMBER_STATUSES } from '@pioneer/shared-types';
import type { FastifyRequest } from 'fastify';
import { Repository } from 'typeorm';
import { RefreshTokenEntity } from '../../modules/auth/entities/refresh-token.entity.js';
import { MemberEntity } from '../../modules/org/entities/member.entity.js';
import { RoleAssignmentEntity } from '../../modules/org/entities/role-assignment.entity.js';
import { DomainException } from '../errors/domain.exception.js';
import type { AccessTokenPayload, AuthUser } from './auth-user.js';
import { IS_PUBLIC } from './public.decorator.js';

/**
 * Every route needs a valid access token unless marked @Public. Roles are read from the database per request,
 * so a revoked role or a member who has left loses access at once rather than when the token expires.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(RoleAssignmentEntity) private readonly roles: Repository<RoleAssignmentEntity>,
    @InjectRepository(RefreshTokenEntity) private readonly sessions: Repository<RefreshTokenEntity>,
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
    // Every request pays for these lookups, so they go out together: one round trip of latency rather than three.
    const [sessionLive, member, roles] = await Promise.all([
      payload.sid === undefined ? true : this.sessions.exists({ where: { familyId: payload.sid } }),
      this.members.findOne({ where: { id: payload.sub }, select: { id: true, status: true } }),
      this.roles.find({ where: { memberId: payload.sub } }),
    ]);
    // Logout, unbinding and refresh-token reuse delete the session's rows; its access tokens stop here, not at expiry.
    if (!sessionLive) throw new DomainException('SESSION_EXPIRED');
    if (!member) throw new DomainException('UNAUTHENTICATED');
    if (INACTIVE_MEMBER_STATUSES.includes(member.status)) throw new DomainException('MEMBER_INACTIVE');
    request.user = {
      memberId: member.id,
      roles: roles.map((r) => ({ role: r.role, scopeKind: r.scopeKind, scopeId: r.scopeId })),
    };
    return true;
  }
}
