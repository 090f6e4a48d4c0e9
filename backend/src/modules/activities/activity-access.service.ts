import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { ActivityScopeKind } from '@pioneer/shared-types';
import { In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig } from '../../config/configuration.js';
import { WechatClient } from '../../wechat/wechat-client.js';
import { BranchEntity } from '../org/entities/branch.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { RegistrationEntity } from '../registrations/entities/registration.entity.js';
import { ScopeService } from '../org/scope.service.js';
import type { ActivityEntity } from './entities/activity.entity.js';
import type { EligibleMember } from './eligibility.js';

/** The scope-reach of one caller, read once per request. */
export interface Reach {
  district: boolean;
  /** Units the caller organizes as a whole. */
  unitIds: string[];
  /** Branches the caller organizes: their own branch duties plus every branch of a unit they organize. */
  branchIds: string[];
  communityIds: string[];
}

/**
 * Who may publish, edit and manage which activity — the one rule for publishing, sign-up lists and cancellations,
 * and attendance (code, sheet, board): the organizer of its branch, unit or the district (a district organizer
 * reaches every branch and unit, a unit organizer every branch of the unit), or for a community need a worker
 * serving that community (a need is the community's: the district organizer does not run it). Anyone with that
 * reach may manage, not only the author — a colleague can take over a draft, and an author who has left the duty
 * no longer manages. Admins hold no organizer duties and reach nothing here.
 */
@Injectable()
export class ActivityAccess {
  constructor(
    private readonly scope: ScopeService,
    private readonly wechat: WechatClient,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(RegistrationEntity) private readonly registrations: Repository<RegistrationEntity>,
  ) {}

  isDistrictOrganizer(user: AuthUser): boolean {
    return this.scope.isDistrictOrganizer(user);
  }

  async reach(user: AuthUser): Promise<Reach> {
    const org = user.roles.filter((r) => r.role === 'organizer' && r.scopeId);
    const unitIds = [...new Set(org.filter((r) => r.scopeKind === 'unit').map((r) => r.scopeId as string))];
    const ownBranches = this.scope.organizerBranchIds(user);
    const unitBranches = unitIds.length
      ? (await this.branches.find({ where: { unitId: In(unitIds) }, select: { id: true } })).map((b) => b.id)
      : [];
    return {
      district: this.scope.isDistrictOrganizer(user),
      unitIds,
      branchIds: [...new Set([...ownBranches, ...unitBranches])],
      communityIds: await this.scope.workerCommunityIds(user),
    };
  }

  /** Whether the reach covers a scope (publishing there, or managing an activity published there). */
  covers(reach: Reach, scopeKind: ActivityScopeKind, scopeId: string | null): boolean {
    switch (scopeKind) {
      case 'community':
        return scopeId !== null && reach.communityIds.includes(scopeId);
      case 'district':
        return reach.district;
      case 'unit':
        return reach.district || (scopeId !== null && reach.unitIds.includes(scopeId));
      case 'branch':
        return reach.district || (scopeId !== null && reach.branchIds.includes(scopeId));
    }
  }

  manages(reach: Reach, activity: Pick<ActivityEntity, 'scopeKind' | 'scopeId'>): boolean {
    return this.covers(reach, activity.scopeKind, activity.scopeId);
  }

  /** The rule above for one activity, reading the caller's reach. */
  async managesActivity(user: AuthUser, activity: Pick<ActivityEntity, 'scopeKind' | 'scopeId'>): Promise<boolean> {
    return this.manages(await this.reach(user), activity);
  }

  /** FORBIDDEN (with the given message) unless the caller manages the activity. */
  async assertManages(user: AuthUser, activity: Pick<ActivityEntity, 'scopeKind' | 'scopeId'>, message: string): Promise<void> {
    if (!(await this.managesActivity(user, activity))) throw new DomainException('FORBIDDEN', message);
  }

  /** The caller as the eligibility rule sees them: unit, branch and approved community registrations. */
  async eligibleMember(user: AuthUser): Promise<EligibleMember | null> {
    if (!user.roles.some((r) => r.role === 'member')) return null;
    const me = await this.members.findOne({ where: { id: user.memberId }, select: { id: true, unitId: true, branchId: true } });
    if (!me) return null;
    const regs = await this.registrations.find({
      where: { memberId: user.memberId, status: 'approved' },
      select: { id: true, communityId: true },
    });
    return { unitId: me.unitId, branchId: me.branchId, registeredCommunityIds: [...new Set(regs.map((r) => r.communityId))] };
  }

  /**
   * 内容安全检查 of what the public will read (title, description, place), as the author (WeChat wants the openid of
   * someone who used the mini-program lately). Fail safe: 'risky' and 'review' are both refused (422), since nobody
   * here does WeChat's manual review; an author who never signed in through WeChat is refused too, with a message
   * saying so — except in demo mode, where demo sign-in leaves people without an openid and the text is checked as a
   * stand-in account against the demo's WeChat (so risky demo text is still refused).
   */
  async checkContent(authorId: string, activity: Pick<ActivityEntity, 'title' | 'description' | 'place'>): Promise<void> {
    const author = await this.members.findOne({ where: { id: authorId }, select: { id: true, openid: true } });
    let openid = author?.openid ?? null;
    if (!openid) {
      if (!this.config.getOrThrow('app', { infer: true }).demo) {
        throw new DomainException('CONFLICT', '发布内容须经微信内容安全检查：请活动发布人先用微信登录一次小程序，再提交');
      }
      openid = 'demo-unbound-author';
    }
    const content = `${activity.title}\n${activity.description}\n${activity.place}`;
    const result = await this.wechat.msgSecCheck({ openid, scene: 3, content });
    if (result.suggest === 'risky') throw new DomainException('ACTIVITY_CONTENT_RISKY');
    if (result.suggest === 'review') {
      throw new DomainException('ACTIVITY_CONTENT_RISKY', '活动内容可能含有广告或联系方式等，请修改后再提交');
    }
  }
}
