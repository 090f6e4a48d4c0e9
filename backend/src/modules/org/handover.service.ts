import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { HandoverResponse } from '@pioneer/shared-types';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopeService } from './scope.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { HandoverDto } from './dto/moves.dto.js';
import type { MemberEntity } from './entities/member.entity.js';
import { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import { MemberAccessService } from './member-access.service.js';
import { ScopeNamesService } from './scope-names.service.js';

export interface HandoverContext {
  from: MemberEntity;
  to: MemberEntity;
  actorId: string;
  reason: string;
}

/**
 * One more kind of open work that goes to the successor (pending registrations, records awaiting confirmation, …).
 * A feature registers its step once at start; every step runs in the handover's transaction and reports a count.
 */
export interface HandoverStep {
  readonly key: string;
  run(m: EntityManager, ctx: HandoverContext): Promise<number>;
}

/** A worker's open work handed to a successor: today their community/street assignments, later their queues. */
@Injectable()
export class HandoverService {
  private readonly steps = new Map<string, HandoverStep>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: ScopeService,
    private readonly access: MemberAccessService,
    private readonly scopeNames: ScopeNamesService,
    private readonly audit: AuditService,
    @InjectRepository(RoleAssignmentEntity) private readonly roles: Repository<RoleAssignmentEntity>,
  ) {}

  /** Call from a feature module's onModuleInit; the same key registered again replaces the earlier step. */
  registerStep(step: HandoverStep): void {
    this.steps.set(step.key, step);
  }

  async handover(user: AuthUser, dto: HandoverDto, ip: string): Promise<HandoverResponse> {
    if (!this.scope.isAdmin(user) && !this.scope.isDistrictOrganizer(user)) {
      throw new DomainException('FORBIDDEN', '工作移交须由管理员或区级组织者办理');
    }
    if (dto.fromMemberId === dto.toMemberId) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'toMemberId', message: '接任人不能是移交人本人' }]);
    }
    const [from, to] = await Promise.all([this.access.find(dto.fromMemberId), this.access.find(dto.toMemberId)]);
    if (to.status !== 'active') {
      throw new DomainException('CONFLICT', `接任人须为在册且已绑定微信的人员，${to.name} 当前不符合`);
    }
    const assignments = await this.roles.findBy({ memberId: from.id, role: 'worker' });
    if (!assignments.length) throw new DomainException('CONFLICT', `${from.name} 没有需要移交的社区工作者职责`);
    const nameOf = await this.scopeNames.lookup(assignments);
    const ctx: HandoverContext = { from, to, actorId: user.memberId, reason: dto.reason };
    const counts = await this.ds.transaction(async (m) => {
      const result: Record<string, number> = { roleAssignments: await this.moveWorkerAssignments(m, ctx) };
      for (const step of this.steps.values()) result[step.key] = await step.run(m, ctx);
      const detail = {
        fromMemberId: from.id,
        fromName: from.name,
        toMemberId: to.id,
        toName: to.name,
        moved: result.roleAssignments,
        scopes: assignments.map((a) => nameOf(a)),
        counts: result,
        reason: dto.reason,
      };
      // One row on each person, so both histories show the handover.
      for (const targetId of [from.id, to.id]) {
        await this.audit.record(
          { actorId: user.memberId, action: 'worker.handover', targetType: 'member', targetId, ip, result: 'success', detail },
          m,
        );
      }
      return result;
    });
    return { movedRoleAssignments: counts.roleAssignments ?? 0 };
  }

  /** The successor takes each community/street; one they already serve is simply removed from the predecessor. */
  private async moveWorkerAssignments(m: EntityManager, ctx: HandoverContext): Promise<number> {
    const mine = await m.findBy(RoleAssignmentEntity, { memberId: ctx.from.id, role: 'worker' });
    const theirs = await m.findBy(RoleAssignmentEntity, { memberId: ctx.to.id, role: 'worker' });
    for (const a of mine) {
      const held = theirs.some((t) => t.scopeKind === a.scopeKind && t.scopeId === a.scopeId);
      if (held) await m.delete(RoleAssignmentEntity, { id: a.id });
      else await m.update(RoleAssignmentEntity, { id: a.id }, { memberId: ctx.to.id });
    }
    return mine.length;
  }
}
