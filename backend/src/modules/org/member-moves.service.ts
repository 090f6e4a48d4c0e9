import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { INACTIVE_MEMBER_STATUSES, MEMBER_STATUS_LABELS, type MemberHistoryEntry, type MemberStatus, type MemberView } from '@pioneer/shared-types';
import { Brackets, DataSource, type EntityManager, In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditLogEntity } from '../audit/audit-log.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { RegistrationEntity } from '../registrations/entities/registration.entity.js';
import type { MemberStatusDto, MemberTransferDto } from './dto/moves.dto.js';
import { BranchEntity } from './entities/branch.entity.js';
import { MemberStatusChangeEntity } from './entities/member-status-change.entity.js';
import { MemberTransferEntity } from './entities/member-transfer.entity.js';
import { MemberEntity } from './entities/member.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { MemberAccessService } from './member-access.service.js';
import { MemberViewsService } from './member-views.service.js';
import { mapAuditHistory, mapStatusHistory, mapTransferHistory } from './org.mapper.js';

export interface TransferInput {
  member: MemberEntity;
  toUnit: UnitEntity;
  toBranch: BranchEntity | null;
  reason: string;
  actorId: string | null;
}

/** Audit actions that belong in a member's history (others, such as phone reveals, stay in the audit log only). */
const HISTORY_ACTIONS = ['member.role_grant', 'member.role_revoke', 'worker.handover'];

/**
 * People move: transfers between units and status changes (retired, left, transferred out, reinstated). The member
 * row changes; everything they did stays where it is, and each move adds a history row that is never edited.
 */
@Injectable()
export class MemberMovesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MemberAccessService,
    private readonly views: MemberViewsService,
    private readonly audit: AuditService,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(MemberTransferEntity) private readonly transfers: Repository<MemberTransferEntity>,
    @InjectRepository(MemberStatusChangeEntity) private readonly statusChanges: Repository<MemberStatusChangeEntity>,
    @InjectRepository(AuditLogEntity) private readonly auditLogs: Repository<AuditLogEntity>,
  ) {}

  async transfer(user: AuthUser, id: string, dto: MemberTransferDto, ip: string): Promise<MemberView> {
    const member = await this.access.findManaged(user, id);
    if (INACTIVE_MEMBER_STATUSES.includes(member.status)) {
      throw new DomainException('CONFLICT', '该党员已退休、离开或转出，不能调动；如需恢复请先变更其状态');
    }
    const toUnit = await this.units.findOneBy({ id: dto.toUnitId });
    if (!toUnit) throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'toUnitId', message: '调入单位不存在' }]);
    const toBranch = dto.toBranchId ? await this.branches.findOneBy({ id: dto.toBranchId, unitId: toUnit.id }) : null;
    if (dto.toBranchId && !toBranch) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'toBranchId', message: '所选支部不属于调入单位' }]);
    }
    if (member.unitId === toUnit.id && member.branchId === (toBranch?.id ?? null)) {
      throw new DomainException('CONFLICT', '该党员已在这个单位和支部');
    }
    await this.ds.transaction(async (m) => {
      const row = await this.applyTransfer(m, { member, toUnit, toBranch, reason: dto.reason, actorId: user.memberId });
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'member.transfer',
          targetType: 'member',
          targetId: id,
          ip,
          result: 'success',
          detail: { transferId: row.id, fromUnitId: row.fromUnitId, toUnitId: row.toUnitId, reason: dto.reason },
        },
        m,
      );
    });
    return this.views.one(member);
  }

  /**
   * Moves a member to another unit inside the caller's transaction and writes the history row. Used by the transfer
   * endpoint and meant for the roster import's confirmed transfers, so both leave the same trail.
   */
  async applyTransfer(m: EntityManager, input: TransferInput): Promise<MemberTransferEntity> {
    const { member, toUnit, toBranch } = input;
    const [fromUnit, fromBranch] = await Promise.all([
      m.findOneByOrFail(UnitEntity, { id: member.unitId }),
      member.branchId ? m.findOneBy(BranchEntity, { id: member.branchId }) : Promise.resolve(null),
    ]);
    const row = await m.save(
      m.create(MemberTransferEntity, {
        memberId: member.id,
        fromUnitId: fromUnit.id,
        fromUnitName: fromUnit.name,
        fromBranchId: fromBranch?.id ?? null,
        fromBranchName: fromBranch?.name ?? null,
        toUnitId: toUnit.id,
        toUnitName: toUnit.name,
        toBranchId: toBranch?.id ?? null,
        toBranchName: toBranch?.name ?? null,
        reason: input.reason,
        actorId: input.actorId,
      }),
    );
    member.unitId = toUnit.id;
    member.branchId = toBranch?.id ?? null;
    await m.update(MemberEntity, { id: member.id }, { unitId: member.unitId, branchId: member.branchId });
    return row;
  }

  async changeStatus(user: AuthUser, id: string, dto: MemberStatusDto, ip: string): Promise<MemberView> {
    const member = await this.access.findManaged(user, id);
    if (member.id === user.memberId) throw new DomainException('CONFLICT', '不能变更自己的状态，请由其他管理员或组织者操作');
    // "Active" means bound to WeChat; reinstating someone who never bound puts them back to invited.
    const to: MemberStatus = dto.status === 'active' && member.openid === null ? 'invited' : dto.status;
    if (member.status === to) throw new DomainException('CONFLICT', '该党员已是这个状态');
    const from = member.status;
    await this.ds.transaction(async (m) => {
      await m.update(MemberEntity, { id }, { status: to });
      await m.save(m.create(MemberStatusChangeEntity, { memberId: id, fromStatus: from, toStatus: to, reason: dto.reason, actorId: user.memberId }));
      await this.audit.record(
        { actorId: user.memberId, action: 'member.status_change', targetType: 'member', targetId: id, ip, result: 'success', detail: { from, to, reason: dto.reason } },
        m,
      );
      // Someone who retires, leaves or moves out no longer reports to a community: the registration ends with the
      // same reason (its history stays), so they stop counting as registered and workers stop seeing them as theirs.
      if (INACTIVE_MEMBER_STATUSES.includes(to)) {
        await m.update(
          RegistrationEntity,
          { memberId: id, status: In(['pending', 'approved']) },
          {
            status: 'ended',
            activeMemberId: null,
            endedBy: user.memberId,
            endedAt: new Date(),
            endReason: `${MEMBER_STATUS_LABELS[to]}：${dto.reason}`,
          },
        );
      }
    });
    member.status = to;
    return this.views.one(member);
  }

  /** Newest first: unit moves, status changes, role changes and handovers, WeChat binding. */
  async history(user: AuthUser, id: string): Promise<MemberHistoryEntry[]> {
    const member = await this.access.findVisible(user, id, true);
    const [transfers, statusChanges, audits] = await Promise.all([
      this.transfers.findBy({ memberId: member.id }),
      this.statusChanges.findBy({ memberId: member.id }),
      this.auditLogs
        .createQueryBuilder('a')
        .where('a.result = :ok', { ok: 'success' })
        .andWhere(
          new Brackets((w) =>
            w
              .where('a.targetId = :id AND (a.action IN (:...actions) OR a.action LIKE :bind)', {
                id: member.id,
                actions: HISTORY_ACTIONS,
                bind: '%bind%',
              })
              .orWhere('a.actorId = :id AND a.targetId IS NULL AND a.action LIKE :bind'),
          ),
        )
        .getMany(),
    ]);
    const actorIds = [...transfers, ...statusChanges, ...audits].map((r) => r.actorId).filter((a): a is string => a !== null);
    const actors = actorIds.length
      ? await this.members.find({ where: { id: In([...new Set(actorIds)]) }, select: { id: true, name: true } })
      : [];
    const nameOf = (actorId: string | null) => (actorId ? actors.find((a) => a.id === actorId)?.name ?? null : null);
    const entries: Array<MemberHistoryEntry | null> = [
      ...transfers.map((t) => mapTransferHistory(t, nameOf(t.actorId))),
      ...statusChanges.map((s) => mapStatusHistory(s, nameOf(s.actorId))),
      ...audits.map((a) => mapAuditHistory(a, member.id, nameOf(a.actorId))),
    ];
    return entries.filter((e): e is MemberHistoryEntry => e !== null).sort((a, b) => b.at.localeCompare(a.at));
  }
}
