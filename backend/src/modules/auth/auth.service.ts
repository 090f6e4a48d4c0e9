import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role, ScopeKind, TokenResponse } from '@pioneer/shared-types';
import { Repository } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig } from '../../config/configuration.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { RoleAssignmentEntity } from '../org/entities/role-assignment.entity.js';
import { SessionService } from './session.service.js';

const SCOPE_BREADTH: Record<ScopeKind, number> = {
  district: 6,
  system: 5,
  street: 4,
  unit: 3,
  branch: 2,
  community: 1,
  self: 0,
};

@Injectable()
export class AuthService {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(RoleAssignmentEntity) private readonly roles: Repository<RoleAssignmentEntity>,
  ) {}

  /**
   * Demo only: a session for a seeded, active person holding the role, so anyone can try every screen.
   * The choice is deterministic: the holder with the widest scope for that role (a district organizer before a unit
   * one, so the demo shows the district's work), then the one with the fewest other roles, then the earliest seeded.
   */
  async demoLogin(role: Role, ip: string): Promise<TokenResponse> {
    if (!this.config.getOrThrow('app', { infer: true }).demo) throw new DomainException('DEMO_DISABLED');
    const holders = await this.roles.find({ where: { role }, order: { createdAt: 'ASC' } });
    const all = await this.roles.find();
    const roleCount = new Map<string, number>();
    for (const r of all) roleCount.set(r.memberId, (roleCount.get(r.memberId) ?? 0) + 1);
    const breadth = new Map<string, number>();
    for (const h of holders) breadth.set(h.memberId, Math.max(breadth.get(h.memberId) ?? 0, SCOPE_BREADTH[h.scopeKind]));
    const order = [...new Set(holders.map((h) => h.memberId))];
    const seededFirst = new Map(order.map((id, i) => [id, i]));
    const candidates = [...order].sort(
      (a, b) =>
        (breadth.get(b) ?? 0) - (breadth.get(a) ?? 0) ||
        (roleCount.get(a) ?? 0) - (roleCount.get(b) ?? 0) ||
        (seededFirst.get(a) ?? 0) - (seededFirst.get(b) ?? 0),
    );
    for (const memberId of candidates) {
      const member = await this.members.findOne({ where: { id: memberId, status: 'active' } });
      if (!member) continue;
      await this.audit.record({ actorId: member.id, action: 'auth.demo_login', ip, result: 'success', detail: { role } });
      return this.sessions.start(member.id);
    }
    throw new DomainException('DEMO_ROLE_UNAVAILABLE');
  }
}
