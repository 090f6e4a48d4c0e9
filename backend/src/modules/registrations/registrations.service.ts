import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  INACTIVE_MEMBER_STATUSES,
  type Page,
  type RegistrationMemberLookupResponse,
  type RegistrationView,
} from '@pioneer/shared-types';
import { DataSource, type EntityManager, In, Not, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopeService } from '../org/scope.service.js';
import { PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { MessagesService } from '../messages/messages.service.js';
import { PendingWorkRegistry } from '../messages/pending-work.registry.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import type {
  ApproveRegistrationDto,
  CreateRegistrationDto,
  MemberLookupDto,
  OnBehalfRegistrationDto,
  ReasonRequiredDto,
  RegistrationListQueryDto,
} from './dto/registration.dto.js';
import { RegistrationEntity } from './entities/registration.entity.js';
import { RegistrationViewsService } from './registration-views.service.js';

const ACTIVE_STATUSES = ['pending', 'approved'] as const;
/** The mini-program page where a member sees their registration. */
const MY_REGISTRATION_LINK = '/packages/service/pages/register/index';
const MEMBER_HAS_ACTIVE = '该党员已有一个待审核或已通过的报到社区，需先结束原报到关系';

/**
 * 报到关系. A member asks (pending) or a worker enters it from a paper form (approved at once); a worker of that
 * community decides; the member or a worker ends it when the member moves. One active registration per member is kept
 * by a UNIQUE index on active_member_id, so racing requests cannot make two.
 */
@Injectable()
export class RegistrationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(RegistrationEntity) private readonly registrations: Repository<RegistrationEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    private readonly crypto: PiiCrypto,
    private readonly views: RegistrationViewsService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
    private readonly pendingWork: PendingWorkRegistry,
  ) {}

  onModuleInit(): void {
    this.pendingWork.register('registrations', (user) => this.pendingCountFor(user));
  }

  // ---- for other modules ----

  /**
   * The community of the member's approved, not-ended registration, with the member's name, or null: one query, since
   * every check-in start needs all three.
   */
  async approvedCommunityOf(memberId: string): Promise<{ community: CommunityEntity; memberName: string } | null> {
    const { entities, raw } = await this.communities
      .createQueryBuilder('c')
      .innerJoin(RegistrationEntity, 'r', 'r.community_id = c.id')
      .innerJoin(MemberEntity, 'm', 'm.id = r.active_member_id')
      .addSelect('m.name', 'member_name')
      .where('r.active_member_id = :memberId AND r.status = :status', { memberId, status: 'approved' })
      .limit(1)
      .getRawAndEntities<{ member_name: string }>();
    const community = entities[0];
    return community ? { community, memberName: raw[0]?.member_name ?? '' } : null;
  }

  /** Members holding an approved registration with any of these communities. */
  async approvedMemberIdsIn(communityIds: string[]): Promise<string[]> {
    if (communityIds.length === 0) return [];
    const rows = await this.registrations.find({
      where: { communityId: In(communityIds), status: 'approved' },
      select: { id: true, memberId: true },
    });
    return [...new Set(rows.map((r) => r.memberId))];
  }

  /** Whether the member is registered (approved) with one of the worker's communities: a worker's duty reaches them. */
  async workerServesMember(user: AuthUser, memberId: string): Promise<boolean> {
    const communityIds = await this.scope.workerCommunityIds(user);
    if (communityIds.length === 0) return false;
    return this.registrations.existsBy({ memberId, communityId: In(communityIds), status: 'approved' });
  }

  // ---- endpoints ----

  async request(user: AuthUser, input: CreateRegistrationDto, ip: string): Promise<RegistrationView> {
    await this.findCommunity(input.communityId);
    const row = await this.insertActive(
      {
        memberId: user.memberId,
        communityId: input.communityId,
        status: 'pending',
        onBehalf: false,
        onBehalfReason: null,
        createdBy: user.memberId,
        decidedBy: null,
        decidedAt: null,
      },
      '您已有一个待审核或已通过的报到社区，如需更换请先结束原报到关系',
      async (m, saved) => {
        await this.audit.record(
          { actorId: user.memberId, action: 'registration.request', targetType: 'registration', targetId: saved.id, ip, result: 'success' },
          m,
        );
      },
    );
    return this.views.one(row);
  }

  async onBehalf(user: AuthUser, input: OnBehalfRegistrationDto, ip: string): Promise<RegistrationView> {
    await this.scope.assertWorkerServes(user, input.communityId);
    const community = await this.findCommunity(input.communityId);
    const member = await this.members.findOne({ where: { id: input.memberId }, select: { id: true, status: true } });
    if (!member) throw new DomainException('NOT_FOUND', '该党员不存在');
    if (member.id === user.memberId) throw new DomainException('OWN_RECORD', '不能为自己代为登记报到，请由其他社区工作者办理');
    if (INACTIVE_MEMBER_STATUSES.includes(member.status)) {
      throw new DomainException('MEMBER_INACTIVE', '该党员已退休、离开或转出，不能登记报到');
    }
    const now = new Date();
    const row = await this.insertActive(
      {
        memberId: member.id,
        communityId: community.id,
        status: 'approved',
        onBehalf: true,
        onBehalfReason: input.reason,
        createdBy: user.memberId,
        decidedBy: user.memberId,
        decidedAt: now,
      },
      MEMBER_HAS_ACTIVE,
      async (m, saved) => {
        await this.audit.record(
          {
            actorId: user.memberId,
            action: 'registration.on_behalf',
            targetType: 'registration',
            targetId: saved.id,
            ip,
            result: 'success',
            detail: { memberId: member.id, communityId: community.id, reason: input.reason },
          },
          m,
        );
        await this.messages.send(
          {
            memberId: member.id,
            kind: 'registration_approved',
            title: '报到登记已完成',
            link: MY_REGISTRATION_LINK,
            body: `社区工作者已为您登记到${community.name}，报到关系已生效。登记说明：${input.reason}`,
          },
          m,
        );
      },
    );
    return this.views.one(row);
  }

  /**
   * For entering a paper form: the member whose name AND phone both match, so a worker cannot probe the roster by
   * phone alone. Audited, found or not.
   */
  async lookupMember(user: AuthUser, query: MemberLookupDto, ip: string): Promise<RegistrationMemberLookupResponse> {
    const member = await this.members.findOne({
      where: { phoneHash: this.crypto.hash(query.phone), name: query.name },
      select: { id: true, name: true, unitId: true },
    });
    await this.audit.record({
      actorId: user.memberId,
      action: 'registration.member_lookup',
      targetType: 'member',
      targetId: member?.id,
      ip,
      result: member ? 'success' : 'failure',
    });
    if (!member) throw new DomainException('NOT_FOUND', '名册中没有姓名和手机号都相符的党员，请核对报到表');
    const unit = await this.units.findOne({ where: { id: member.unitId }, select: { id: true, name: true } });
    return { id: member.id, name: member.name, unitName: unit?.name ?? '（已删除）' };
  }

  async mine(user: AuthUser): Promise<RegistrationView[]> {
    const rows = await this.registrations.find({ where: { memberId: user.memberId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return this.views.many(rows);
  }

  /** Workers: their communities; organizers: members they cover; admins and the district organizer: everyone. */
  async list(user: AuthUser, query: RegistrationListQueryDto): Promise<Page<RegistrationView>> {
    const window = pageWindow(query);
    const qb = this.registrations.createQueryBuilder('r').innerJoin(MemberEntity, 'm', 'm.id = r.member_id');
    if (!(await this.scope.restrict(user, qb, { community: 'r.community_id', unit: 'm.unit_id', branch: 'm.branch_id' }))) {
      return toPage([], 0, window);
    }
    if (query.communityId) qb.andWhere('r.community_id = :communityId', { communityId: query.communityId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .skip(window.skip)
      .take(window.take)
      .getManyAndCount();
    return toPage(await this.views.many(rows), total, window);
  }

  async approve(user: AuthUser, id: string, input: ApproveRegistrationDto, ip: string): Promise<RegistrationView> {
    const row = await this.findDecidable(user, id);
    const community = await this.findCommunity(row.communityId);
    const note = input.reason ? input.reason : null;
    await this.ds.transaction(async (m) => {
      await this.decide(m, id, { status: 'approved', decisionReason: note }, user);
      await this.audit.record(
        { actorId: user.memberId, action: 'registration.approve', targetType: 'registration', targetId: id, ip, result: 'success', detail: { note } },
        m,
      );
      await this.messages.send(
        {
          memberId: row.memberId,
          kind: 'registration_approved',
          title: '报到申请已通过',
          link: MY_REGISTRATION_LINK,
          body: `您在${community.name}的报到申请，社区工作者已同意。${note ? `备注：${note}` : ''}`,
        },
        m,
      );
    });
    return this.views.one(await this.registrations.findOneByOrFail({ id }));
  }

  async reject(user: AuthUser, id: string, input: ReasonRequiredDto, ip: string): Promise<RegistrationView> {
    const row = await this.findDecidable(user, id);
    const community = await this.findCommunity(row.communityId);
    await this.ds.transaction(async (m) => {
      await this.decide(m, id, { status: 'rejected', decisionReason: input.reason, activeMemberId: null }, user);
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'registration.reject',
          targetType: 'registration',
          targetId: id,
          ip,
          result: 'success',
          detail: { reason: input.reason },
        },
        m,
      );
      await this.messages.send(
        {
          memberId: row.memberId,
          kind: 'registration_rejected',
          title: '报到申请未通过',
          link: MY_REGISTRATION_LINK,
          body: `您在${community.name}的报到申请未通过。原因：${input.reason}`,
        },
        m,
      );
    });
    return this.views.one(await this.registrations.findOneByOrFail({ id }));
  }

  /** Moving house: the member themself or a worker of that community ends it; the row stays as history. */
  async end(user: AuthUser, id: string, input: ReasonRequiredDto, ip: string): Promise<RegistrationView> {
    const row = await this.registrations.findOneBy({ id });
    if (!row) throw new DomainException('NOT_FOUND', '报到记录不存在');
    const self = row.memberId === user.memberId;
    if (!self) await this.assertWorkerOf(user, row.communityId);
    const community = await this.findCommunity(row.communityId);
    await this.ds.transaction(async (m) => {
      const result = await m.getRepository(RegistrationEntity).update(
        { id, status: In([...ACTIVE_STATUSES]) },
        { status: 'ended', activeMemberId: null, endedBy: user.memberId, endedAt: new Date(), endReason: input.reason },
      );
      if (!result.affected) throw new DomainException('ALREADY_DECIDED', '该报到关系已结束或未通过，无需再结束');
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'registration.end',
          targetType: 'registration',
          targetId: id,
          ip,
          result: 'success',
          detail: { reason: input.reason, by: self ? 'member' : 'worker' },
        },
        m,
      );
      if (!self) {
        await this.messages.send(
          {
            memberId: row.memberId,
            kind: 'system',
            title: '报到关系已结束',
            link: MY_REGISTRATION_LINK,
            body: `社区工作者结束了您在${community.name}的报到关系。原因：${input.reason}`,
          },
          m,
        );
      }
    });
    return this.views.one(await this.registrations.findOneByOrFail({ id }));
  }

  // ---- helpers ----

  /** Pending requests in the worker's communities that they may decide (their own is someone else's to decide). */
  private async pendingCountFor(user: AuthUser): Promise<number> {
    const communityIds = await this.scope.workerCommunityIds(user);
    if (communityIds.length === 0) return 0;
    return this.registrations.countBy({ communityId: In(communityIds), status: 'pending', memberId: Not(user.memberId) });
  }

  private async insertActive(
    fields: Pick<
      RegistrationEntity,
      'memberId' | 'communityId' | 'status' | 'onBehalf' | 'onBehalfReason' | 'createdBy' | 'decidedBy' | 'decidedAt'
    >,
    activeExistsMessage: string,
    alsoWrite: (m: EntityManager, saved: RegistrationEntity) => Promise<void>,
  ): Promise<RegistrationEntity> {
    // Checked first for a clear answer; the UNIQUE index below is what actually holds under concurrency.
    if (await this.registrations.existsBy({ activeMemberId: fields.memberId })) {
      throw new DomainException('REGISTRATION_ACTIVE_EXISTS', activeExistsMessage);
    }
    try {
      return await this.ds.transaction(async (m) => {
        const repo = m.getRepository(RegistrationEntity);
        const row = repo.create({
          ...fields,
          activeMemberId: fields.memberId,
          decisionReason: null,
          endedBy: null,
          endedAt: null,
          endReason: null,
          // Set here rather than by the column default, which on SQLite keeps whole seconds only: lists sort by it.
          createdAt: new Date(),
        });
        await repo.insert(row);
        await alsoWrite(m, row);
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException('REGISTRATION_ACTIVE_EXISTS', activeExistsMessage);
      throw error;
    }
  }

  /** A pending registration this worker may decide: one of their communities, not their own. */
  private async findDecidable(user: AuthUser, id: string): Promise<RegistrationEntity> {
    const row = await this.registrations.findOneBy({ id });
    if (!row) throw new DomainException('NOT_FOUND', '报到记录不存在');
    await this.assertWorkerOf(user, row.communityId);
    if (row.memberId === user.memberId) throw new DomainException('OWN_RECORD', '不能审核自己的报到申请');
    if (row.status !== 'pending') throw new DomainException('ALREADY_DECIDED', '该报到申请已处理过');
    return row;
  }

  /** Conditional on "still pending", so two workers deciding at once cannot both win. */
  private async decide(
    m: EntityManager,
    id: string,
    changes: Partial<Pick<RegistrationEntity, 'status' | 'decisionReason' | 'activeMemberId'>>,
    user: AuthUser,
  ): Promise<void> {
    const result = await m
      .getRepository(RegistrationEntity)
      .update({ id, status: 'pending' }, { ...changes, decidedBy: user.memberId, decidedAt: new Date() });
    if (!result.affected) throw new DomainException('ALREADY_DECIDED', '该报到申请已处理过');
  }

  private async assertWorkerOf(user: AuthUser, communityId: string): Promise<void> {
    if (!(await this.scope.workerCommunityIds(user)).includes(communityId)) {
      throw new DomainException('FORBIDDEN', '只有该社区的社区工作者可以处理这条报到记录');
    }
  }

  private async findCommunity(id: string): Promise<CommunityEntity> {
    const community = await this.communities.findOne({ where: { id }, select: { id: true, name: true } });
    if (!community) throw new DomainException('NOT_FOUND', '该社区不存在');
    return community;
  }
}
