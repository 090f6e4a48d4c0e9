import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { CheckinCodeResponse } from '@pioneer/shared-types';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type EntityManager, LessThan, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopeService } from '../org/scope.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig, CheckinSection } from '../../config/configuration.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { Clock } from './clock.js';
import { CheckinCodeUseEntity, type CodePhase } from './entities/checkin-code-use.entity.js';

const CODE_PATTERN = /^v1\.([0-9a-fA-F-]{36})\.(\d{1,15})\.([A-Za-z0-9_-]{16})$/;
/** An activity's code: its own prefix and MAC input, so it never passes as a community code, nor the reverse. */
const ACTIVITY_CODE_PATTERN = /^a1\.([0-9a-fA-F-]{36})\.(\d{1,15})\.([A-Za-z0-9_-]{16})$/;
/** 12 bytes of the HMAC, 16 base64url characters: forging one is out of reach, and the QR stays small. */
const MAC_BYTES = 12;
/** A typed short code older than the accepted window is reported as expired if it matches one of these slots. */
const SHORT_CODE_LOOKBACK_SLOTS = 40;

export interface CodeInput {
  code?: string;
  shortCode?: string;
  communityId?: string;
}

export interface VerifiedCode {
  communityId: string;
  slot: number;
}

export interface VerifiedActivityCode {
  activityId: string;
  slot: number;
}

/** An activity's code as shown on the organizer's phone (same rotation as a community's). */
export interface IssuedActivityCode {
  code: string;
  shortCode: string;
  slotSeconds: number;
  expiresAt: string;
}

/**
 * The rotating check-in code: `v1.<communityId>.<slot>.<mac>`, mac = HMAC-SHA256(secret, communityId|slot), slot =
 * floor(server time / slotSeconds). The server accepts the current and the previous slot, and a member may spend one
 * code once per slot and end of a visit (a unique index, so concurrent requests cannot both pass).
 */
@Injectable()
export class CheckinCodeService {
  private readonly checkin: CheckinSection;
  private readonly demo: boolean;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly scope: ScopeService,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(CheckinCodeUseEntity) private readonly uses: Repository<CheckinCodeUseEntity>,
  ) {
    this.checkin = config.getOrThrow('checkin', { infer: true });
    this.demo = config.getOrThrow('app', { infer: true }).demo;
  }

  slotOf(at: Date): number {
    return Math.floor(at.getTime() / 1000 / this.checkin.slotSeconds);
  }

  /** The code a worker's (or organizer's) phone shows now; it polls again before `expiresAt`. */
  async issue(user: AuthUser, communityId: string): Promise<CheckinCodeResponse> {
    const mayShowAny = this.scope.isAdmin(user) || user.roles.some((r) => r.role === 'organizer');
    if (!mayShowAny) await this.scope.assertWorkerServes(user, communityId);
    const community = await this.communities.findOne({ where: { id: communityId }, select: { id: true, name: true } });
    if (!community) throw new DomainException('NOT_FOUND', '该社区不存在');
    const slot = this.slotOf(this.clock.now());
    const mac = this.mac(community.id, slot);
    return {
      communityId: community.id,
      communityName: community.name,
      code: `v1.${community.id}.${slot}.${mac.subarray(0, MAC_BYTES).toString('base64url')}`,
      // Typing is a demo convenience for the desktop browser (no camera); elsewhere only the scanned code counts.
      shortCode: this.demo ? shortCodeOf(mac) : '',
      slotSeconds: this.checkin.slotSeconds,
      expiresAt: new Date((slot + 1) * this.checkin.slotSeconds * 1000).toISOString(),
    };
  }

  /**
   * Checks a scanned (or, in demo mode, typed) code against the time it was used: the server's now, or for a visit
   * kept offline the time the phone claims. That claim is never older than CHECKIN_OFFLINE_MAX_HOURS (checked before
   * this), so a photographed code is worth that window and one slot, not a day. Forged and expired codes get distinct
   * errors.
   */
  verify(input: CodeInput, at: Date): VerifiedCode {
    const current = this.slotOf(at);
    if (input.code !== undefined) {
      const match = CODE_PATTERN.exec(input.code);
      if (!match) throw new DomainException('CHECKIN_CODE_INVALID');
      const communityId = match[1]!.toLowerCase();
      const slot = Number(match[2]);
      const given = Buffer.from(match[3]!, 'base64url');
      const expected = this.mac(communityId, slot).subarray(0, MAC_BYTES);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new DomainException('CHECKIN_CODE_INVALID');
      }
      // A genuine code from the future cannot exist; treat it like any other code the server did not issue.
      if (slot > current) throw new DomainException('CHECKIN_CODE_INVALID');
      if (slot < current - 1) throw new DomainException('CHECKIN_CODE_EXPIRED');
      return { communityId, slot };
    }
    if (input.shortCode !== undefined) {
      if (!this.demo) {
        throw new DomainException('CHECKIN_CODE_INVALID', '请使用微信扫一扫扫描签到码（手动输入签到码仅在演示模式下可用）');
      }
      if (!input.communityId) {
        throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'communityId', message: '手动输入签到码时请选择社区' }]);
      }
      for (let back = 0; back <= SHORT_CODE_LOOKBACK_SLOTS; back++) {
        const slot = current - back;
        if (shortCodeOf(this.mac(input.communityId, slot)) !== input.shortCode) continue;
        if (back > 1) throw new DomainException('CHECKIN_CODE_EXPIRED');
        return { communityId: input.communityId, slot };
      }
      throw new DomainException('CHECKIN_CODE_INVALID');
    }
    throw new DomainException('CHECKIN_METHOD_REQUIRED');
  }

  /**
   * An activity's rotating code, `a1.<activityId>.<slot>.<mac>` with the mac over `activity|<id>|<slot>`: the same
   * rotation and window as a community's, told apart by prefix and MAC input. Who may show it is the caller's check.
   */
  issueActivity(activityId: string): IssuedActivityCode {
    const slot = this.slotOf(this.clock.now());
    const mac = this.activityMac(activityId, slot);
    return {
      code: `a1.${activityId}.${slot}.${mac.subarray(0, MAC_BYTES).toString('base64url')}`,
      shortCode: this.demo ? shortCodeOf(mac) : '',
      slotSeconds: this.checkin.slotSeconds,
      expiresAt: new Date((slot + 1) * this.checkin.slotSeconds * 1000).toISOString(),
    };
  }

  /**
   * Checks an activity code scanned at `at` (server time): forged and expired codes get the check-in errors, and the
   * activity it names is returned for the caller to compare. A typed short code (demo mode) is checked against
   * `activityId`, the activity being scanned for.
   */
  verifyActivity(input: { code?: string; shortCode?: string }, activityId: string, at: Date): VerifiedActivityCode {
    const current = this.slotOf(at);
    if (input.code !== undefined) {
      const match = ACTIVITY_CODE_PATTERN.exec(input.code);
      if (!match) throw new DomainException('CHECKIN_CODE_INVALID', '签到码无效，请扫描活动组织者手机上正在显示的签到码');
      const id = match[1]!.toLowerCase();
      const slot = Number(match[2]);
      const given = Buffer.from(match[3]!, 'base64url');
      const expected = this.activityMac(id, slot).subarray(0, MAC_BYTES);
      if (given.length !== expected.length || !timingSafeEqual(given, expected) || slot > current) {
        throw new DomainException('CHECKIN_CODE_INVALID', '签到码无效，请扫描活动组织者手机上正在显示的签到码');
      }
      if (slot < current - 1) throw new DomainException('CHECKIN_CODE_EXPIRED');
      return { activityId: id, slot };
    }
    if (input.shortCode !== undefined) {
      if (!this.demo) {
        throw new DomainException('CHECKIN_CODE_INVALID', '请使用微信扫一扫扫描签到码（手动输入签到码仅在演示模式下可用）');
      }
      for (let back = 0; back <= SHORT_CODE_LOOKBACK_SLOTS; back++) {
        const slot = current - back;
        if (shortCodeOf(this.activityMac(activityId, slot)) !== input.shortCode) continue;
        if (back > 1) throw new DomainException('CHECKIN_CODE_EXPIRED');
        return { activityId, slot };
      }
      throw new DomainException('CHECKIN_CODE_INVALID');
    }
    throw new DomainException('CHECKIN_METHOD_REQUIRED', '请扫描活动组织者出示的签到码');
  }

  /** Spends the code inside the caller's transaction; a second use of the same slot by the same member is refused. */
  async spend(m: EntityManager, memberId: string, code: VerifiedCode, phase: CodePhase): Promise<void> {
    const now = this.clock.now();
    const use = m.getRepository(CheckinCodeUseEntity).create({
      memberId,
      communityId: code.communityId,
      slot: code.slot,
      phase,
      createdAt: now,
      updatedAt: now,
    });
    use.assignId();
    try {
      // The unique index alone decides: no read first, so two concurrent uses cannot both pass.
      await m.createQueryBuilder().insert().into(CheckinCodeUseEntity).values(use).updateEntity(false).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException('CHECKIN_CODE_REUSED');
      throw error;
    }
  }

  /** Spent codes matter for two slots; a day later they are only clutter. */
  async sweep(now: Date): Promise<number> {
    const result = await this.uses.delete({ createdAt: LessThan(new Date(now.getTime() - 24 * 3600 * 1000)) });
    return result.affected ?? 0;
  }

  private mac(communityId: string, slot: number): Buffer {
    return createHmac('sha256', this.checkin.codeSecret).update(`${communityId}|${slot}`).digest();
  }

  private activityMac(activityId: string, slot: number): Buffer {
    return createHmac('sha256', this.checkin.codeSecret).update(`activity|${activityId}|${slot}`).digest();
  }
}

/** Six digits from the last four bytes of the code's HMAC (as HOTP truncates): a typed stand-in for the QR. */
function shortCodeOf(mac: Buffer): string {
  return String((mac.readUInt32BE(mac.length - 4) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
