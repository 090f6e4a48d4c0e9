import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { INACTIVE_MEMBER_STATUSES, type InviteCodeResponse } from '@pioneer/shared-types';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopeService } from '../org/scope.service.js';
import { PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { generateInviteCode } from './auth-secrets.js';
import { InviteCodeEntity } from './entities/invite-code.entity.js';
import { SessionService } from './session.service.js';

export const INVITE_CODE_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Invite codes have ~40 bits, few enough to try offline against a leaked table: they are stored as a keyed hash
 * (the data key's HMAC), under a prefix of their own so no other hashed value can match.
 */
export function inviteCodeHash(crypto: PiiCrypto, normalizedCode: string): string {
  return crypto.hash(`invite-code:${normalizedCode}`);
}

/** What an organizer does about a member's WeChat binding: hand out an invite code, or undo the binding. */
@Injectable()
export class MemberBindingService {
  constructor(
    private readonly crypto: PiiCrypto,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
  ) {}

  /** A new single-use code for the member; earlier unused ones stop working. */
  async issueInviteCode(user: AuthUser, memberId: string, ip: string): Promise<InviteCodeResponse> {
    const member = await this.coveredMember(user, memberId, 'member.invite_code', ip);
    if (INACTIVE_MEMBER_STATUSES.includes(member.status)) {
      throw new DomainException('MEMBER_INACTIVE', '该党员已停用（退休、离开或转出），不能发放邀请码');
    }
    if (member.openid) throw new DomainException('ALREADY_BOUND', '该党员已绑定微信，如需更换请先解绑');
    const inviteCode = generateInviteCode();
    await this.dataSource.transaction(async (m) => {
      // Replaces earlier unused codes: only the newest one handed out works.
      await m.delete(InviteCodeEntity, { memberId: member.id, usedAt: IsNull() });
      await m.insert(
        InviteCodeEntity,
        m.create(InviteCodeEntity, {
          memberId: member.id,
          codeHash: inviteCodeHash(this.crypto, inviteCode),
          expiresAt: new Date(Date.now() + INVITE_CODE_TTL_SECONDS * 1000),
          usedAt: null,
          createdBy: user.memberId,
        }),
      );
      await this.audit.record(
        { actorId: user.memberId, action: 'member.invite_code', targetType: 'member', targetId: member.id, ip, result: 'success' },
        m,
      );
    });
    return { inviteCode, expiresIn: INVITE_CODE_TTL_SECONDS };
  }

  /** Frees the member's WeChat binding so they can bind again (a new phone, a new account) and ends their sessions. */
  async unbind(user: AuthUser, memberId: string, ip: string): Promise<void> {
    const member = await this.coveredMember(user, memberId, 'member.unbind', ip);
    await this.dataSource.transaction(async (m) => {
      await m.update(MemberEntity, { id: member.id }, { openid: null, unionid: null });
      await this.sessions.revokeAllOf(member.id, m);
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'member.unbind',
          targetType: 'member',
          targetId: member.id,
          ip,
          result: 'success',
          detail: { wasBound: member.openid !== null },
        },
        m,
      );
    });
  }

  private async coveredMember(user: AuthUser, memberId: string, action: string, ip: string): Promise<MemberEntity> {
    const member = await this.members.findOne({ where: { id: memberId } });
    if (!member) throw new DomainException('NOT_FOUND', '没有找到这名党员');
    try {
      await this.scope.assertOrganizerCovers(user, member);
    } catch (error) {
      await this.audit.record({ actorId: user.memberId, action, targetType: 'member', targetId: member.id, ip, result: 'failure', detail: { reason: 'out_of_scope' } });
      throw error;
    }
    // Rebinding someone with wider duties than the caller's would let the caller sign in as them.
    try {
      await this.scope.assertOutranks(user, member);
    } catch (error) {
      await this.audit.record({ actorId: user.memberId, action, targetType: 'member', targetId: member.id, ip, result: 'failure', detail: { reason: 'outranked' } });
      throw error;
    }
    return member;
  }
}
