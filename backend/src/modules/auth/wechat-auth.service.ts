import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { INACTIVE_MEMBER_STATUSES, type TokenResponse, type WechatLoginResponse } from '@pioneer/shared-types';
import { DataSource, type EntityManager, IsNull, Repository } from 'typeorm';
import { normalizePhone, PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig } from '../../config/configuration.js';
import { WechatClient, type WechatSession } from '../../wechat/wechat-client.js';
import { type AuditEntry, AuditService } from '../audit/audit.service.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { normalizeInviteCode, secretsEqual } from './auth-secrets.js';
import { type BindTicket, BindTicketService } from './bind-ticket.service.js';
import type { BindByInviteDto, BindByPhoneDto, WechatLoginDto } from './dto/wechat-login.dto.js';
import { InviteCodeEntity } from './entities/invite-code.entity.js';
import { inviteCodeHash } from './member-binding.service.js';
import { OpenidRateLimitService } from './openid-rate-limit.service.js';
import { SessionService } from './session.service.js';

type BindMethod = 'phone' | 'invite';

const OPENID_TAKEN = '该微信账号已绑定其他党员，如需更换请联系组织者解绑';

/** A bind refused for a reason worth keeping in the audit log (never the phone number or the openid). */
class BindRefused extends DomainException {
  constructor(
    code: 'ALREADY_BOUND' | 'BIND_INVITE_INVALID',
    readonly reason: string,
    message?: string,
  ) {
    super(code, message);
  }
}

/**
 * Sign-in with WeChat and the one-time binding of a WeChat account to a member of the roster. WeChat's session_key
 * never reaches this service (the adapter drops it); openids and phone numbers never go into a response or the audit.
 */
@Injectable()
export class WechatAuthService {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly wechat: WechatClient,
    private readonly crypto: PiiCrypto,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly tickets: BindTicketService,
    private readonly limits: OpenidRateLimitService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(InviteCodeEntity) private readonly inviteCodes: Repository<InviteCodeEntity>,
  ) {}

  async login({ code }: WechatLoginDto, ip: string): Promise<WechatLoginResponse> {
    const account = await this.wechat.code2Session(code).catch(async (error: unknown) => {
      if (error instanceof DomainException) await this.loginAudit(null, ip, 'failure', { reason: error.code });
      throw error;
    });
    await this.guard('login', account.openid, ip, (reason) => this.loginAudit(null, ip, 'failure', { reason }));
    const member = await this.members.findOne({ where: { openid: account.openid } });
    if (!member) {
      await this.loginAudit(null, ip, 'success', { outcome: 'unbound' });
      return { status: 'unbound', ...(await this.tickets.issue(account)) };
    }
    if (INACTIVE_MEMBER_STATUSES.includes(member.status)) {
      await this.loginAudit(member.id, ip, 'failure', { reason: 'MEMBER_INACTIVE' });
      throw new DomainException('MEMBER_INACTIVE');
    }
    if (account.unionid && member.unionid !== account.unionid) await this.members.update({ id: member.id }, { unionid: account.unionid });
    await this.loginAudit(member.id, ip, 'success', { outcome: 'signed_in' });
    return { status: 'signed_in', session: await this.sessions.start(member.id) };
  }

  async bindByPhone({ bindTicket, phoneCode }: BindByPhoneDto, ip: string): Promise<TokenResponse> {
    const ticket = await this.tickets.resolve(bindTicket);
    await this.guardBind(ticket, 'phone', ip);
    const verified = await this.wechat.getPhoneNumber(phoneCode).catch(async (error: unknown) => {
      if (error instanceof DomainException) await this.bindAudit(null, 'phone', ip, 'failure', error.code);
      throw error;
    });
    // Only mainland numbers are in the roster; the number itself is used for this lookup and then dropped.
    const phone = verified.countryCode === '86' ? normalizePhone(verified.purePhoneNumber) : null;
    const member = phone ? await this.members.findOne({ where: { phoneHash: this.crypto.hash(phone) } }) : null;
    if (!member) {
      await this.bindAudit(null, 'phone', ip, 'failure', 'not_in_roster');
      throw new DomainException('BIND_PHONE_NOT_IN_ROSTER');
    }
    await this.bindInTransaction(member, 'phone', ip, (m) => this.attach(m, member, ticket.account));
    return this.finishBind(ticket, member);
  }

  async bindByInvite({ bindTicket, name, inviteCode }: BindByInviteDto, ip: string): Promise<TokenResponse> {
    const ticket = await this.tickets.resolve(bindTicket);
    await this.guardBind(ticket, 'invite', ip);
    const code = normalizeInviteCode(inviteCode);
    const wantedName = name.trim();
    const reviewer = this.config.getOrThrow('auth', { infer: true }).reviewer;
    if (reviewer && secretsEqual(code, normalizeInviteCode(reviewer.inviteCode))) {
      return this.reviewerSession(ticket, reviewer.memberId, wantedName, ip);
    }

    const now = new Date();
    const invite = await this.inviteCodes.findOne({ where: { codeHash: inviteCodeHash(this.crypto, code) } });
    const member = invite ? await this.members.findOne({ where: { id: invite.memberId } }) : null;
    if (!invite || !member) {
      await this.bindAudit(null, 'invite', ip, 'failure', 'unknown_code');
      throw new DomainException('BIND_INVITE_INVALID');
    }
    // One answer for every refusal, so the code cannot be used to probe names; the audit keeps the real reason.
    const refusal = invite.usedAt ? 'used' : invite.expiresAt <= now ? 'expired' : member.name !== wantedName ? 'wrong_name' : null;
    if (refusal) {
      await this.bindAudit(member.id, 'invite', ip, 'failure', refusal);
      throw new DomainException('BIND_INVITE_INVALID');
    }
    await this.bindInTransaction(member, 'invite', ip, async (m) => {
      const claimed = await m.update(InviteCodeEntity, { id: invite.id, usedAt: IsNull() }, { usedAt: now });
      if (claimed.affected !== 1) throw new BindRefused('BIND_INVITE_INVALID', 'used');
      await this.attach(m, member, ticket.account);
    });
    return this.finishBind(ticket, member);
  }

  /** Login, or an attempt to bind, per WeChat account: counted in the database, shared by every instance. */
  private async guard(kind: 'login' | 'bind', openid: string, ip: string, onLimited: (reason: string) => Promise<void>): Promise<void> {
    try {
      await this.limits.hit(kind, openid);
    } catch (error) {
      if (error instanceof DomainException) await onLimited(error.code);
      throw error;
    }
  }

  private guardBind(ticket: BindTicket, method: BindMethod, ip: string): Promise<void> {
    return this.guard('bind', ticket.account.openid, ip, (reason) => this.bindAudit(null, method, ip, 'failure', reason));
  }

  /**
   * Runs a bind in one transaction with its audit row. A refusal is audited after the rollback, on its own, so that
   * row survives.
   */
  private async bindInTransaction(
    member: MemberEntity,
    method: BindMethod,
    ip: string,
    work: (m: EntityManager) => Promise<void>,
  ): Promise<void> {
    if (INACTIVE_MEMBER_STATUSES.includes(member.status)) {
      await this.bindAudit(member.id, method, ip, 'failure', 'MEMBER_INACTIVE');
      throw new DomainException('MEMBER_INACTIVE');
    }
    try {
      await this.dataSource.transaction(async (m) => {
        await work(m);
        await this.audit.record(this.bindEntry(member.id, method, ip, 'success'), m);
      });
    } catch (error) {
      if (!(error instanceof BindRefused)) throw error;
      await this.bindAudit(member.id, method, ip, 'failure', error.reason);
      throw error;
    }
  }

  /** One openid ↔ one member: the member must be unbound (or bound to this very account) and the openid free. */
  private async attach(m: EntityManager, member: MemberEntity, account: WechatSession): Promise<void> {
    if (member.openid === account.openid) return;
    if (member.openid) throw new BindRefused('ALREADY_BOUND', 'member_has_other_account');
    if (await m.exists(MemberEntity, { where: { openid: account.openid } })) {
      throw new BindRefused('ALREADY_BOUND', 'account_bound_to_other_member', OPENID_TAKEN);
    }
    try {
      const result = await m.update(
        MemberEntity,
        { id: member.id, openid: IsNull() },
        { openid: account.openid, unionid: account.unionid ?? null, status: member.status === 'invited' ? 'active' : member.status },
      );
      if (result.affected !== 1) throw new BindRefused('ALREADY_BOUND', 'member_has_other_account');
    } catch (error) {
      if (isUniqueViolation(error)) throw new BindRefused('ALREADY_BOUND', 'account_bound_to_other_member', OPENID_TAKEN);
      throw error;
    }
  }

  private async finishBind(ticket: BindTicket, member: MemberEntity): Promise<TokenResponse> {
    await this.tickets.consume(ticket);
    return this.sessions.start(member.id);
  }

  /**
   * WeChat's release reviewers use WeChat accounts of their own, a different one each time: the configured member's name
   * and code give them that member's session, repeatedly, and their openid is never stored.
   */
  private async reviewerSession(ticket: BindTicket, memberId: string, name: string, ip: string): Promise<TokenResponse> {
    const member = await this.members.findOne({ where: { id: memberId } });
    if (!member || member.name !== name) {
      await this.bindAudit(null, 'invite', ip, 'failure', 'reviewer_wrong_name');
      throw new DomainException('BIND_INVITE_INVALID');
    }
    if (INACTIVE_MEMBER_STATUSES.includes(member.status)) {
      await this.bindAudit(member.id, 'invite', ip, 'failure', 'MEMBER_INACTIVE');
      throw new DomainException('MEMBER_INACTIVE');
    }
    await this.tickets.consume(ticket);
    await this.audit.record({
      actorId: member.id,
      action: 'auth.bind',
      targetType: 'member',
      targetId: member.id,
      ip,
      result: 'success',
      detail: { method: 'invite', reviewer: true },
    });
    return this.sessions.start(member.id);
  }

  private loginAudit(memberId: string | null, ip: string, result: 'success' | 'failure', detail: Record<string, string>): Promise<void> {
    return this.audit.record({
      actorId: memberId,
      action: 'auth.login',
      ...(memberId ? { targetType: 'member', targetId: memberId } : {}),
      ip,
      result,
      detail: { method: 'wechat', ...detail },
    });
  }

  private bindAudit(memberId: string | null, method: BindMethod, ip: string, result: 'success' | 'failure', reason?: string): Promise<void> {
    return this.audit.record(this.bindEntry(memberId, method, ip, result, reason));
  }

  private bindEntry(memberId: string | null, method: BindMethod, ip: string, result: 'success' | 'failure', reason?: string): AuditEntry {
    return {
      actorId: memberId,
      action: 'auth.bind',
      ...(memberId ? { targetType: 'member', targetId: memberId } : {}),
      ip,
      result,
      detail: reason ? { method, reason } : { method },
    };
  }
}
