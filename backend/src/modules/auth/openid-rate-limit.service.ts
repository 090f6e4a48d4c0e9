import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig } from '../../config/configuration.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { sha256Hex } from './auth-secrets.js';
import { AuthRateCounterEntity } from './entities/auth-rate-counter.entity.js';

export type OpenidAttempt = 'login' | 'bind';

/**
 * Attempts per WeChat account (openid) in a fixed window, counted in the database so every backend instance shares
 * the count. Buckets are keyed by a hash of the openid: the counter table holds no account ids.
 */
@Injectable()
export class OpenidRateLimitService {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    @InjectRepository(AuthRateCounterEntity) private readonly counters: Repository<AuthRateCounterEntity>,
  ) {}

  /** Counts one attempt; throws RATE_LIMITED when the window's allowance is spent. */
  async hit(kind: OpenidAttempt, openid: string): Promise<void> {
    const auth = this.config.getOrThrow('auth', { infer: true });
    const limit = kind === 'login' ? auth.loginAttemptsPerOpenid : auth.bindAttemptsPerOpenid;
    const windowSeconds = auth.openidRateWindowSeconds;
    if (await this.take(`${kind}:${sha256Hex(openid)}`, limit, windowSeconds * 1000)) return;
    const minutes = Math.max(1, Math.ceil(windowSeconds / 60));
    const what = kind === 'login' ? '登录' : '绑定';
    throw new DomainException('RATE_LIMITED', `${what}尝试次数过多，请 ${minutes} 分钟后再试`);
  }

  /** True if the attempt fits in the window. Each step is one conditional statement, so concurrent callers never overrun. */
  private async take(key: string, limit: number, windowMs: number, now: number = Date.now()): Promise<boolean> {
    if (await this.increment(key, limit, now)) return true;
    const restarted = await this.counters
      .createQueryBuilder()
      .update()
      .set({ hits: 1, windowEndsAt: now + windowMs })
      .where('bucket_key = :key AND window_ends_at <= :now', { key, now })
      .execute();
    if (restarted.affected) return true;
    try {
      await this.counters.insert({ key, hits: 1, windowEndsAt: now + windowMs });
      await this.counters.delete({ windowEndsAt: LessThan(now) });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another request created the bucket a moment ago: count against it.
      return this.increment(key, limit, now);
    }
  }

  private async increment(key: string, limit: number, now: number): Promise<boolean> {
    const bumped = await this.counters
      .createQueryBuilder()
      .update()
      .set({ hits: () => 'hits + 1' })
      .where('bucket_key = :key AND window_ends_at > :now AND hits < :limit', { key, now, limit })
      .execute();
    return (bumped.affected ?? 0) > 0;
  }
}
