import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { SharedCacheEntity } from '../../common/shared-cache/shared-cache.entity.js';
import type { AppConfig, CheckinSection } from '../../config/configuration.js';
import { AuditService } from '../audit/audit.service.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { CheckinCodeService } from './checkin-code.service.js';
import { Clock } from './clock.js';
import { ServiceRecordEntity } from './entities/service-record.entity.js';
import { addFlags } from './record-flags.js';
import { ServiceTransactions } from './service-transactions.js';

const INTERVAL_MS = 5 * 60 * 1000;
/** Longer than one run takes, shorter than the interval: a crashed holder's lease lapses before the next round. */
const LEASE_MS = 4 * 60 * 1000;
const LEASE_KEY = 'lease:services.auto-close';
const BATCH = 200;

/**
 * A visit left open for 12 hours (a phone lost, a member who forgot) is closed without hours and flagged never_closed,
 * so it reaches the worker's queue instead of lingering. Every few minutes one backend instance — whoever takes the
 * lease in the shared database — does the work; the others skip that round.
 */
@Injectable()
export class AutoCloseService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AutoCloseService.name);
  private readonly checkin: CheckinSection;
  private readonly instanceId = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly codes: CheckinCodeService,
    private readonly audit: AuditService,
    private readonly tx: ServiceTransactions,
    @InjectRepository(ServiceRecordEntity) private readonly records: Repository<ServiceRecordEntity>,
    @InjectRepository(SharedCacheEntity) private readonly cache: Repository<SharedCacheEntity>,
  ) {
    this.checkin = config.getOrThrow('checkin', { infer: true });
  }

  onModuleInit(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = null));
    }, INTERVAL_MS);
    // The timer alone never keeps the process (or a test run) alive.
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Closes every record open since before `now - autoCloseHours`; returns how many were closed. */
  async closeStale(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.checkin.autoCloseHours * 3600 * 1000);
    let closed = 0;
    for (;;) {
      const stale = await this.records.find({
        where: { status: 'open', startedAt: LessThan(cutoff) },
        order: { startedAt: 'ASC' },
        take: BATCH,
      });
      for (const record of stale) if (await this.closeOne(record, now)) closed++;
      if (stale.length < BATCH) return closed;
    }
  }

  private async closeOne(record: ServiceRecordEntity, now: Date): Promise<boolean> {
    return this.tx.run(async (m) => {
      // Conditional on "still open": a member ending the visit at this moment wins cleanly.
      const result = await m.getRepository(ServiceRecordEntity).update(
        { id: record.id, status: 'open' },
        { status: 'pending', openMemberId: null, endedAt: now, endVerification: null, proposedHours: 0 },
      );
      if (!result.affected) return false;
      await addFlags(m, record.id, [{ flag: 'never_closed', detail: `超过 ${this.checkin.autoCloseHours} 小时未签退，系统自动结束` }], now);
      await this.audit.record(
        {
          actorId: null,
          action: 'service.auto_close',
          targetType: 'service_record',
          targetId: record.id,
          result: 'success',
          detail: { memberId: record.memberId, startedAt: record.startedAt.toISOString() },
        },
        m,
      );
      return true;
    });
  }

  /**
   * One scheduled round: if this instance takes the lease, it closes stale visits and sweeps spent codes. Returns
   * whether it did the work (false: another instance holds the lease for this round).
   */
  async runScheduled(now: Date): Promise<boolean> {
    if (!(await this.takeLease(now.getTime()))) return false;
    const closed = await this.closeStale(now);
    await this.codes.sweep(now);
    if (closed > 0) this.logger.log(`closed ${closed} service record(s) left open`);
    return true;
  }

  private async tick(): Promise<void> {
    try {
      await this.runScheduled(this.clock.now());
    } catch (error) {
      this.logger.warn(`auto-close round failed: ${(error as Error).message}`);
    }
  }

  /**
   * One row in shared_cache is the lease: created if missing, otherwise taken over only once it has lapsed — an atomic
   * conditional UPDATE, so of several instances at most one holds it at a time.
   */
  private async takeLease(now: number): Promise<boolean> {
    try {
      await this.cache.insert({ key: LEASE_KEY, value: this.instanceId, expiresAt: now + LEASE_MS });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const result = await this.cache.update(
      { key: LEASE_KEY, expiresAt: LessThan(now) },
      { value: this.instanceId, expiresAt: now + LEASE_MS },
    );
    return (result.affected ?? 0) === 1;
  }
}
