import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { INACTIVE_MEMBER_STATUSES, type TokenResponse } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { type EntityManager, IsNull, LessThan, Not, Repository } from 'typeorm';
import type { AccessTokenPayload, AuthUser } from '../../common/auth/auth-user.js';
import { PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig, AuthSection } from '../../config/configuration.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { randomToken, sha256Hex } from './auth-secrets.js';
import type { LogoutDto, RefreshDto } from './dto/session.dto.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';

/** What is kept, sealed and only for the grace window, to answer a retried exchange with the same pair. */
interface SealedPair {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

/**
 * Sessions: a short-lived access JWT plus a rotating refresh token. Successful refreshes are deliberately not audited:
 * a row per refresh would amount to an online-time record, which the state rules forbid.
 */
@Injectable()
export class SessionService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionService.name);
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly crypto: PiiCrypto,
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
  ) {}

  /** Sealed pairs outlive their window by at most one more window, however quiet the service is. */
  onModuleInit(): void {
    const grace = this.settings.refreshReuseGraceSeconds;
    if (grace === 0) return;
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweepExpiredWindows(new Date())
        .catch((error: unknown) => this.logger.warn(`sweeping refresh grace windows failed: ${(error as Error).message}`))
        .finally(() => (this.sweeping = null));
    }, grace * 1000);
    // The timer alone never keeps the process (or a test run) alive.
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping;
  }

  /** A new session (a new token family) for a member who has just proven who they are. */
  async start(memberId: string): Promise<Required<TokenResponse>> {
    const now = new Date();
    // Whole families past their absolute lifetime can never be used again; removing them keeps only live sessions.
    await this.tokens.delete({ familyStartedAt: LessThan(new Date(now.getTime() - this.settings.sessionAbsoluteTtlSeconds * 1000)) });
    return (await this.issue(memberId, randomUUID(), now, now)).pair;
  }

  async refresh({ refreshToken }: RefreshDto, ip: string): Promise<Required<TokenResponse>> {
    const now = new Date();
    const row = await this.tokens.findOne({ where: { tokenHash: sha256Hex(refreshToken) } });
    if (!row) throw new DomainException('REFRESH_TOKEN_INVALID');
    if (row.used) return this.replay(row, now, ip);
    if (this.hasEnded(row, now)) {
      await this.tokens.delete({ familyId: row.familyId });
      throw new DomainException('SESSION_EXPIRED');
    }
    const member = await this.members.findOne({ where: { id: row.memberId }, select: { id: true, status: true } });
    if (!member || INACTIVE_MEMBER_STATUSES.includes(member.status)) {
      await this.tokens.delete({ memberId: row.memberId });
      throw new DomainException('MEMBER_INACTIVE');
    }
    // The successor exists before the exchange is claimed, so whoever sees the claim can always find it.
    const { pair, successorId } = await this.issue(row.memberId, row.familyId, row.familyStartedAt, now);
    const grace = this.settings.refreshReuseGraceSeconds;
    const retryable =
      grace > 0
        ? { successorId, successorCipher: this.seal(pair), graceUntil: new Date(now.getTime() + grace * 1000) }
        : {};
    // Conditional, so of concurrent exchanges of one token exactly one rotates; the others answer with its pair.
    const claimed = await this.tokens.update(
      { id: row.id, used: false },
      { used: true, issuedAt: row.familyStartedAt, ...retryable },
    );
    if (claimed.affected !== 1) {
      await this.tokens.delete({ id: successorId });
      const winner = await this.tokens.findOne({ where: { id: row.id } });
      if (!winner) throw new DomainException('REFRESH_TOKEN_INVALID');
      return this.replay(winner, now, ip);
    }
    // Tidying only: a retry of an older token is refused anyway, its successor being used. The exchange has committed,
    // so a failure here (a lock clash with the sweep) must not turn its answer into an error.
    await this.closeOlderWindows(row).catch((error: unknown) =>
      this.logger.warn(`closing older refresh grace windows failed: ${(error as Error).message}`),
    );
    return pair;
  }

  /** Drops what was kept to answer retries once its window has passed. */
  private async sweepExpiredWindows(now: Date): Promise<void> {
    await this.tokens.update({ graceUntil: LessThan(now) }, { successorId: null, successorCipher: null, graceUntil: null });
  }

  /** Once a family moves on, its older tokens' successors are used: those tokens can only come back as copies. */
  private async closeOlderWindows(rotated: RefreshTokenEntity): Promise<void> {
    await this.tokens.update(
      { familyId: rotated.familyId, id: Not(rotated.id), graceUntil: Not(IsNull()) },
      { successorId: null, successorCipher: null, graceUntil: null },
    );
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

  private async issue(
    memberId: string,
    familyId: string,
    familyStartedAt: Date,
    now: Date,
  ): Promise<{ pair: Required<TokenResponse>; successorId: string }> {
    const refreshToken = randomToken();
    const successorId = randomUUID();
    await this.tokens.insert(
      this.tokens.create({
        id: successorId,
        familyId,
        memberId,
        tokenHash: sha256Hex(refreshToken),
        familyStartedAt,
        issuedAt: now,
        used: false,
        successorId: null,
        successorCipher: null,
        graceUntil: null,
      }),
    );
    const access = await this.accessToken(memberId, familyId);
    return { pair: { ...access, refreshToken, refreshExpiresIn: this.refreshExpiresIn(familyStartedAt, now, now) }, successorId };
  }

  /**
   * A used token came back. Within its window, and while its successor is still unused, it is the same holder retrying
   * an exchange whose answer was lost (or racing it): they get that same pair, its lifetimes counted from the exchange.
   * Otherwise it is a copy.
   */
  private async replay(row: RefreshTokenEntity, now: Date, ip: string): Promise<Required<TokenResponse>> {
    if (!row.successorId || !row.successorCipher || !row.graceUntil || row.graceUntil.getTime() < now.getTime()) {
      return this.reused(row, ip);
    }
    const successor = await this.tokens.findOne({ where: { id: row.successorId } });
    if (!successor || successor.used) return this.reused(row, ip);
    if (this.hasEnded(successor, now)) {
      await this.tokens.delete({ familyId: row.familyId });
      throw new DomainException('SESSION_EXPIRED');
    }
    const sealed = this.unseal(row.successorCipher);
    // A pair that cannot be read back (the data key changed) cannot be answered again; the family ends as before.
    if (!sealed) return this.reused(row, ip);
    // Rounded up, so a retried answer never promises more time than the first one did.
    const elapsed = Math.max(0, Math.ceil((now.getTime() - successor.issuedAt.getTime()) / 1000));
    return {
      accessToken: sealed.accessToken,
      expiresIn: Math.max(0, sealed.expiresIn - elapsed),
      refreshToken: sealed.refreshToken,
      refreshExpiresIn: this.refreshExpiresIn(row.familyStartedAt, successor.issuedAt, now),
    };
  }

  private seal(pair: Required<TokenResponse>): string {
    const sealed: SealedPair = { accessToken: pair.accessToken, expiresIn: pair.expiresIn, refreshToken: pair.refreshToken };
    return this.crypto.encrypt(JSON.stringify(sealed));
  }

  private unseal(cipher: string): SealedPair | null {
    try {
      const value = JSON.parse(this.crypto.decrypt(cipher)) as Partial<SealedPair>;
      const { accessToken, expiresIn, refreshToken } = value;
      if (typeof accessToken !== 'string' || typeof expiresIn !== 'number' || typeof refreshToken !== 'string') return null;
      return { accessToken, expiresIn, refreshToken };
    } catch {
      return null;
    }
  }

  private hasEnded(row: RefreshTokenEntity, now: Date): boolean {
    const { sessionIdleTimeoutSeconds: idle, sessionAbsoluteTtlSeconds: absolute } = this.settings;
    return (
      now.getTime() - row.issuedAt.getTime() > idle * 1000 || now.getTime() - row.familyStartedAt.getTime() > absolute * 1000
    );
  }

  /** The idle timeout counted from the token's issue, cut short by what is left of the absolute lifetime. */
  private refreshExpiresIn(familyStartedAt: Date, issuedAt: Date, now: Date): number {
    const { sessionIdleTimeoutSeconds: idle, sessionAbsoluteTtlSeconds: absolute } = this.settings;
    // Rounded down, so a client that refreshes on time never finds the session already gone.
    const idleLeft = Math.floor((idle * 1000 - (now.getTime() - issuedAt.getTime())) / 1000);
    const left = Math.floor((absolute * 1000 - (now.getTime() - familyStartedAt.getTime())) / 1000);
    return Math.max(0, Math.min(idleLeft, left));
  }

  /** A used token came back outside its grace: someone holds a copy. The whole family ends, the honest holder's newer token included. */
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
