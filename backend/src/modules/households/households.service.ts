import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HouseholdContact, HouseholdDetail, HouseholdView, Page, PairingView } from '@pioneer/shared-types';
import { Brackets, DataSource, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { maskAddress, maskPhone, normalizePhone, PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { PageQueryDto } from '../../common/http/page-query.dto.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import { AuditService } from '../audit/audit.service.js';
import { maskName } from '../hours/mask-name.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { ScopeService } from '../org/scope.service.js';
import { RegistrationEntity } from '../registrations/entities/registration.entity.js';
import { Clock } from '../services/clock.js';
import { shanghaiDate } from '../services/hours.js';
import { VisitEntity } from '../visits/entities/visit.entity.js';
import type { HouseholdInputDto, PairingEndRequestDto, PairingInputDto } from './dto/household.dto.js';
import { HouseholdEntity } from './entities/household.entity.js';
import { PairingEntity } from './entities/pairing.entity.js';
import { assertMayRecordFor } from '../registrations/record-for.js';

const OUT_OF_REACH = '该党员不在您的管理范围内';
const ALREADY_PAIRED = '这位党员已与该住户结对';

type MemberRow = Pick<MemberEntity, 'id' | 'name' | 'unitId' | 'branchId'>;

/**
 * 结对关爱: households paired with members for repeated visits. The contact person, phone and address are sealed at
 * rest and shown masked; the full values only to a paired member or a worker of the household's community, audited.
 * Out of reach reads as missing (404), so ids say nothing about other people's households.
 */
@Injectable()
export class HouseholdsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: ScopeService,
    private readonly crypto: PiiCrypto,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, input: HouseholdInputDto): Promise<HouseholdView> {
    if (input.consent !== true) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'consent', message: '请先征得住户同意，再登记其信息' }]);
    }
    const communityId = input.communityId ?? null;
    const village = input.village ? input.village : null;
    if ((communityId === null) === (village === null)) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'communityId', message: '请在社区和村组中选择一项填写' }]);
    }
    let phone: string | null = null;
    if (input.phone !== undefined && input.phone !== null && input.phone.trim() !== '') {
      phone = normalizePhone(input.phone);
      if (!phone) throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'phone', message: '请填写正确的手机号' }]);
    }
    const memberId = input.memberId ?? user.memberId;
    const onBehalf = memberId !== user.memberId;
    const reason = input.onBehalfReason?.trim() ?? '';
    if (onBehalf && !reason) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'onBehalfReason', message: '代为记录时请写明原因' }]);
    }
    const member = await this.member(memberId);
    if (onBehalf) await assertMayRecordFor(this.ds, this.scope, user, member);
    if (!member) throw new DomainException('NOT_FOUND', '这位党员不存在');
    if (communityId && !(await this.ds.getRepository(CommunityEntity).existsBy({ id: communityId }))) {
      throw new DomainException('NOT_FOUND', '社区不存在');
    }

    const today = shanghaiDate(this.clock.now());
    const id = await this.ds.transaction(async (m) => {
      const household = m.getRepository(HouseholdEntity).create({
        communityId,
        village,
        contactNameCipher: this.crypto.encrypt(input.contactName),
        phoneCipher: phone ? this.crypto.encrypt(phone) : null,
        phoneHash: phone ? this.crypto.hash(phone) : null,
        addressCipher: this.crypto.encrypt(input.address),
        consentAt: this.clock.now(),
        createdBy: user.memberId,
      });
      await m.getRepository(HouseholdEntity).insert(household);
      const pairing = m.getRepository(PairingEntity).create({
        householdId: household.id,
        memberId,
        status: 'active',
        startedOn: today,
        endedOn: null,
        endReason: null,
        createdBy: user.memberId,
        activeKey: memberId,
      });
      await m.getRepository(PairingEntity).insert(pairing);
      await this.audit.record(
        { actorId: user.memberId, action: 'household.create', targetType: 'household', targetId: household.id, result: 'success', detail: { memberId } },
        m,
      );
      if (onBehalf) {
        await this.audit.record(
          {
            actorId: user.memberId,
            action: 'household.on_behalf',
            targetType: 'household',
            targetId: household.id,
            result: 'success',
            detail: { memberId, reason },
          },
          m,
        );
      }
      return household.id;
    });
    return (await this.load([id]))[0]!;
  }

  async list(user: AuthUser, query: PageQueryDto): Promise<Page<HouseholdView>> {
    const window = pageWindow(query);
    const qb = this.ds.getRepository(HouseholdEntity).createQueryBuilder('h').select('h.id', 'id');
    if (!this.scope.isDistrictOrganizer(user)) {
      const communityIds = await this.scope.workerCommunityIds(user);
      const reach = this.scope.organizerMemberScope(user);
      const activeOf = (cond: string) =>
        `h.id IN (SELECT p.household_id FROM pairings p INNER JOIN members pm ON pm.id = p.member_id WHERE p.status = 'active' AND ${cond})`;
      qb.andWhere(
        new Brackets((w) => {
          w.where(activeOf('p.member_id = :self'), { self: user.memberId });
          if (communityIds.length) w.orWhere('h.community_id IN (:...scopeCommunityIds)', { scopeCommunityIds: communityIds });
          if (!reach.all && reach.unitIds.length) w.orWhere(activeOf('pm.unit_id IN (:...scopeUnitIds)'), { scopeUnitIds: reach.unitIds });
          if (!reach.all && reach.branchIds.length) {
            w.orWhere(activeOf('pm.branch_id IN (:...scopeBranchIds)'), { scopeBranchIds: reach.branchIds });
          }
        }),
      );
    }
    const total = await qb.getCount();
    const rows: Array<{ id: string }> = await qb
      .orderBy('h.created_at', 'DESC')
      .addOrderBy('h.id', 'DESC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany();
    return toPage(await this.load(rows.map((r) => r.id)), total, window);
  }

  async get(user: AuthUser, id: string): Promise<HouseholdDetail> {
    const household = await this.ds.getRepository(HouseholdEntity).findOneBy({ id });
    if (!household) throw new DomainException('NOT_FOUND', '住户不存在');
    const pairings = await this.ds.getRepository(PairingEntity).find({ where: { householdId: id }, order: { startedOn: 'DESC', createdAt: 'DESC' } });
    const members = await this.membersOf(pairings.map((p) => p.memberId));
    if (!(await this.mayRead(user, household, pairings, members))) throw new DomainException('NOT_FOUND', '住户不存在');
    const view = (await this.load([id]))[0]!;
    const mine = pairings.some((p) => p.status === 'active' && p.memberId === user.memberId);
    const worker = household.communityId !== null && (await this.scope.workerCommunityIds(user)).includes(household.communityId);
    return {
      ...view,
      pairings: pairings.map((p) => this.mapPairing(p, members)),
      mayReadContact: mine || worker,
      mayVisit: mine,
    };
  }

  async contact(user: AuthUser, id: string, ip: string): Promise<HouseholdContact> {
    const household = await this.ds.getRepository(HouseholdEntity).findOneBy({ id });
    if (!household) throw new DomainException('NOT_FOUND', '住户不存在');
    const mine = await this.ds.getRepository(PairingEntity).existsBy({ householdId: id, memberId: user.memberId, status: 'active' });
    const worker = household.communityId !== null && (await this.scope.workerCommunityIds(user)).includes(household.communityId);
    if (!mine && !worker) throw new DomainException('NOT_FOUND', '住户不存在');
    await this.audit.record({
      actorId: user.memberId,
      action: 'household.contact_read',
      targetType: 'household',
      targetId: id,
      ip,
      result: 'success',
    });
    return {
      contactName: this.crypto.decrypt(household.contactNameCipher),
      phone: household.phoneCipher ? this.crypto.decrypt(household.phoneCipher) : null,
      address: this.crypto.decrypt(household.addressCipher),
    };
  }

  async pair(user: AuthUser, householdId: string, input: PairingInputDto): Promise<PairingView> {
    const household = await this.ds.getRepository(HouseholdEntity).findOneBy({ id: householdId });
    if (!household) throw new DomainException('NOT_FOUND', '住户不存在');
    const member = await this.member(input.memberId);
    if (!member) throw new DomainException('FORBIDDEN', OUT_OF_REACH);
    const worker = household.communityId !== null && (await this.scope.workerCommunityIds(user)).includes(household.communityId);
    const organizer = user.roles.some((r) => r.role === 'organizer') && (await this.scope.organizerCovers(user, member));
    const self =
      member.id === user.memberId &&
      household.communityId !== null &&
      (await this.ds
        .getRepository(RegistrationEntity)
        .existsBy({ memberId: member.id, status: 'approved', communityId: household.communityId }));
    if (!worker && !organizer && !self) throw new DomainException('FORBIDDEN', OUT_OF_REACH);

    const repo = this.ds.getRepository(PairingEntity);
    const row = repo.create({
      householdId,
      memberId: member.id,
      status: 'active',
      startedOn: shanghaiDate(this.clock.now()),
      endedOn: null,
      endReason: null,
      createdBy: user.memberId,
      activeKey: member.id,
    });
    try {
      await this.ds.transaction(async (m) => {
        await m.getRepository(PairingEntity).insert(row);
        await this.audit.record(
          {
            actorId: user.memberId,
            action: 'household.pair',
            targetType: 'pairing',
            targetId: row.id,
            result: 'success',
            detail: { householdId, memberId: member.id, reason: input.reason ?? null },
          },
          m,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException('CONFLICT', ALREADY_PAIRED);
      throw error;
    }
    return this.mapPairing(row, new Map([[member.id, member]]));
  }

  async end(user: AuthUser, pairingId: string, input: PairingEndRequestDto): Promise<PairingView> {
    const repo = this.ds.getRepository(PairingEntity);
    const pairing = await repo.findOneBy({ id: pairingId });
    if (!pairing) throw new DomainException('NOT_FOUND', '结对不存在');
    const household = await this.ds.getRepository(HouseholdEntity).findOneByOrFail({ id: pairing.householdId });
    const member = await this.member(pairing.memberId);
    const worker = household.communityId !== null && (await this.scope.workerCommunityIds(user)).includes(household.communityId);
    const organizer = !!member && user.roles.some((r) => r.role === 'organizer') && (await this.scope.organizerCovers(user, member));
    if (pairing.memberId !== user.memberId && !worker && !organizer) throw new DomainException('NOT_FOUND', '结对不存在');
    const endedOn = shanghaiDate(this.clock.now());
    await this.ds.transaction(async (m) => {
      // Only the request that flips it from active wins: a second one, also a concurrent one, changes nothing.
      const result = await m
        .getRepository(PairingEntity)
        .update({ id: pairingId, status: 'active' }, { status: 'ended', endedOn, endReason: input.reason, activeKey: null });
      if (!result.affected) throw new DomainException('CONFLICT', '这个结对已经结束');
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'household.unpair',
          targetType: 'pairing',
          targetId: pairingId,
          result: 'success',
          detail: { householdId: pairing.householdId, memberId: pairing.memberId, reason: input.reason },
        },
        m,
      );
    });
    const saved = await repo.findOneByOrFail({ id: pairingId });
    return this.mapPairing(saved, member ? new Map([[member.id, member]]) : new Map());
  }

  private async mayRead(user: AuthUser, h: HouseholdEntity, pairings: PairingEntity[], members: Map<string, MemberRow>): Promise<boolean> {
    if (this.scope.isDistrictOrganizer(user)) return true;
    const active = pairings.filter((p) => p.status === 'active');
    if (active.some((p) => p.memberId === user.memberId)) return true;
    if (h.communityId !== null && (await this.scope.workerCommunityIds(user)).includes(h.communityId)) return true;
    if (user.roles.some((r) => r.role === 'organizer')) {
      for (const p of active) {
        const m = members.get(p.memberId);
        if (m && (await this.scope.organizerCovers(user, m))) return true;
      }
    }
    return false;
  }

  private member(id: string): Promise<MemberRow | null> {
    return this.ds.getRepository(MemberEntity).findOne({ where: { id }, select: { id: true, name: true, unitId: true, branchId: true } });
  }

  private async membersOf(ids: string[]): Promise<Map<string, MemberRow>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.ds
      .getRepository(MemberEntity)
      .find({ where: { id: In(unique) }, select: { id: true, name: true, unitId: true, branchId: true } });
    return new Map(rows.map((m) => [m.id, m]));
  }

  private mapPairing(p: PairingEntity, members: Map<string, MemberRow>): PairingView {
    return {
      id: p.id,
      member: { id: p.memberId, name: members.get(p.memberId)?.name ?? '' },
      status: p.status,
      startedOn: p.startedOn,
      endedOn: p.endedOn,
      endReason: p.endReason,
    };
  }

  /** The masked views of these households, in the order given: a handful of reads for a whole page. */
  private async load(ids: string[]): Promise<HouseholdView[]> {
    if (ids.length === 0) return [];
    const households = await this.ds.getRepository(HouseholdEntity).findBy({ id: In(ids) });
    const pairings = await this.ds.getRepository(PairingEntity).find({ where: { householdId: In(ids), status: 'active' }, order: { createdAt: 'ASC' } });
    const members = await this.membersOf(pairings.map((p) => p.memberId));
    const communityIds = [...new Set(households.flatMap((h) => (h.communityId ? [h.communityId] : [])))];
    const communities = communityIds.length
      ? await this.ds.getRepository(CommunityEntity).find({ where: { id: In(communityIds) }, select: { id: true, name: true } })
      : [];
    const visits: Array<{ householdId: string; count: string | number; last: string | null }> = await this.ds
      .getRepository(VisitEntity)
      .createQueryBuilder('v')
      .select('v.household_id', 'householdId')
      .addSelect('COUNT(*)', 'count')
      .addSelect('MAX(v.visited_on)', 'last')
      .where('v.household_id IN (:...ids)', { ids })
      .groupBy('v.household_id')
      .getRawMany();
    const byId = new Map(households.map((h) => [h.id, h]));
    const communityOf = new Map(communities.map((c) => [c.id, c]));
    const visitsOf = new Map(visits.map((v) => [v.householdId, v]));
    return ids.flatMap((id) => {
      const h = byId.get(id);
      if (!h) return [];
      const c = h.communityId ? communityOf.get(h.communityId) : undefined;
      const v = visitsOf.get(id);
      return [
        {
          id: h.id,
          community: c ? { id: c.id, name: c.name } : null,
          village: h.village,
          contactName: maskName(this.crypto.decrypt(h.contactNameCipher)),
          phone: h.phoneCipher ? maskPhone(this.crypto.decrypt(h.phoneCipher)) : null,
          address: maskAddress(this.crypto.decrypt(h.addressCipher)),
          pairedWith: pairings
            .filter((p) => p.householdId === id)
            .map((p) => ({ id: p.memberId, name: members.get(p.memberId)?.name ?? '' })),
          lastVisitedOn: v?.last ?? null,
          visitCount: v ? Number(v.count) : 0,
          createdAt: h.createdAt.toISOString(),
        },
      ];
    });
  }
}
