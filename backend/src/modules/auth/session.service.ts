import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { INACTIVE_MEMBER_STATUSES, type TokenResponse } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { type EntityManager, LessThan, Repository } from 'typeorm';
import type { AccessTokenPayload, AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig, AuthSection } from '../../config/configuration.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { randomToken, sha256Hex } from './auth-secrets.js';
import type { LogoutDto, RefreshDto } from './dto/session.dto.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';

/**
 * Sessions: a short-lived access JWT plus a rotating refresh token. Successful refreshes are deliberately not audited:
 * a row per refresh would amount to an online-time record, which the state rules forbid.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
  ) {}

  /** A new session (a new token family) for a member who has just proven who they are. */
  async start(memberId: string): Promise<Required<TokenResponse>> {
    const now = new Date();
    // Whole families past their absolute lifetime can never be used again; removing them keeps only live sessions.
    await this.tokens.delete({ familyStartedAt: LessThan(new Date(now.getTime() - this.settings.sessionAbsoluteTtlSeconds * 1000)) });
    return this.issue(memberId, randomUUID(), now, now);
  }

  async refresh({ refreshToken }: RefreshDto, ip: string): Promise<Required<TokenResponse>> {
    const now = new Date();
    const row = await this.tokens.findOne({ where: { tokenHash: sha256Hex(refreshToken) } });
    if (!row) throw new DomainException('REFRESH_TOKEN_INVALID');
    if (row.used) return this.reused(row, ip);
    if (this.hasEnded(row, now)) {
      await this.tokens.delete({ familyId: row.familyId });
      throw new DomainException('SESSION_EXPIRED');
    }
    const member = await this.members.findOne({ where: { id: row.memberId }, select: { id: true, status: true } });
    if (!member || INACTIVE_MEMBER_STATUSES.includes(member.status)) {
      await this.tokens.delete({ memberId: row.memberId });
      throw new DomainException('MEMBER_INACTIVE');
    }
    // Only one caller can flip `used`; a loser presented a token that was already exchanged, which is reuse.
    const claimed = await this.tokens.update({ id: row.id, used: false }, { used: true, issuedAt: row.familyStartedAt });
    if (claimed.affected !== 1) return this.reused(row, ip);
    return this.issue(row.memberId, row.familyId, row.familyStartedAt, now);
  }

  /** Ends the session the refresh token belongs to, or every session of the person when none is given. */
  async logout(user: AuthUser, { refreshToken }: LogoutDto, ip: string): Promise<void> {
    let scope: 'session' | 'all' = 'all';
    if (refreshToken === undefined) {
      await this.revokeAllOf(user.memberId);
    } else {
      scope = 'session';
      const row = await this.tokens.findOne({ where: { tokenHash: sha256Hex(refreshToken), memberId: user.memberId } });
      // An unknown or foreign token ends nothing and reveals nothing: logging out is idempotent.
      if (row) await this.tokens.delete({ familyId: row.familyId });
    }
    await this.audit.record({ actorId: user.memberId, action: 'auth.logout', ip, result: 'success', detail: { scope } });
  }

  async revokeAllOf(memberId: string, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(RefreshTokenEntity) : this.tokens).delete({ memberId });
  }

  private async accessToken(memberId: string, familyId: string): Promise<TokenResponse> {
    const ttl = this.settings.accessTokenTtlSeconds;
    const payload: AccessTokenPayload = { sub: memberId, typ: 'access', sid: familyId };
    return { accessToken: await this.jwt.signAsync(payload, { expiresIn: ttl }), expiresIn: ttl };
  }

  private get settings(): AuthSection {
    return this.config.getOrThrow('auth', { infer: true });
  }

  private async issue(memberId: string, familyId: string, familyStartedAt: Date, now: Date): Promise<Required<TokenResponse>> {
    const refreshToken = randomToken();
    await this.tokens.insert(
      this.tokens.create({ familyId, memberId, tokenHash: sha256Hex(refreshToken), familyStartedAt, issuedAt: now, used: false }),
    );
    const access = await this.accessToken(memberId, familyId);
    return { ...access, refreshToken, refreshExpiresIn: this.refreshExpiresIn(familyStartedAt, now) };
  }

  private hasEnded(row: RefreshTokenEntity, now: Date): boolean {
    const { sessionIdleTimeoutSeconds: idle, sessionAbsoluteTtlSeconds: absolute } = this.settings;
    return (
      now.getTime() - row.issuedAt.getTime() > idle * 1000 || now.getTime() - row.familyStartedAt.getTime() > absolute * 1000
    );
  }

  /** The idle timeout, cut short by what is left of the absolute lifetime. */
  private refreshExpiresIn(familyStartedAt: Date, now: Date): number {
    const { sessionIdleTimeoutSeconds: idle, sessionAbsoluteTtlSeconds: absolute } = this.settings;
    // Rounded down, so a client that refreshes on time never finds the session already gone.
    const left = Math.floor((absolute * 1000 - (now.getTime() - familyStartedAt.getTime())) / 1000);
    return Math.max(0, Math.min(idle, left));
  }

  /** A used token came back: someone holds a copy. The whole family ends, the honest holder's newer token included. */
  private async reused(row: RefreshTokenEntity, ip: string): Promise<never> {
    await this.tokens.delete({ familyId: row.familyId });
    await this.audit.record({
      actorId: row.memberId,
      action: 'auth.refresh_reuse',
      targetType: 'session',
      targetId: row.familyId,
      ip,
      result: 'failure',
    });
    throw new DomainException('REFRESH_TOKEN_REUSED');
  }
}
