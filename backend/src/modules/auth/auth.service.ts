import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role, TokenResponse } from '@pioneer/shared-types';
import { Repository } from 'typeorm';
import type { AccessTokenPayload } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig } from '../../config/configuration.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { RoleAssignmentEntity } from '../org/entities/role-assignment.entity.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(RoleAssignmentEntity) private readonly roles: Repository<RoleAssignmentEntity>,
  ) {}

  async issueAccessToken(memberId: string): Promise<TokenResponse> {
    const ttl = this.config.getOrThrow('auth', { infer: true }).accessTokenTtlSeconds;
    const payload: AccessTokenPayload = { sub: memberId, typ: 'access' };
    return { accessToken: await this.jwt.signAsync(payload, { expiresIn: ttl }), expiresIn: ttl };
  }

  /**
   * Demo only: a session for a seeded, active person holding the role, so anyone can try every screen.
   * Among people holding it, the one with the fewest other roles is chosen (a plain member, not an organizer who is
   * also a member), which keeps each demo role's view distinct.
   */
  async demoLogin(role: Role, ip: string): Promise<TokenResponse> {
    if (!this.config.getOrThrow('app', { infer: true }).demo) throw new DomainException('DEMO_DISABLED');
    const holders = await this.roles.find({ where: { role } });
    const all = await this.roles.find();
    const roleCount = new Map<string, number>();
    for (const r of all) roleCount.set(r.memberId, (roleCount.get(r.memberId) ?? 0) + 1);
    const candidates = [...new Set(holders.map((h) => h.memberId))].sort(
      (a, b) => (roleCount.get(a) ?? 0) - (roleCount.get(b) ?? 0) || a.localeCompare(b),
    );
    for (const memberId of candidates) {
      const member = await this.members.findOne({ where: { id: memberId, status: 'active' } });
      if (!member) continue;
      await this.audit.record({ actorId: member.id, action: 'auth.demo_login', ip, result: 'success', detail: { role } });
      return this.issueAccessToken(member.id);
    }
    throw new DomainException('DEMO_ROLE_UNAVAILABLE');
  }
}
