import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, LessThan } from 'typeorm';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import type { ActivitiesSection, AppConfig } from '../../config/configuration.js';
import { activityLink, activityPushData } from '../activities/activity-messages.js';
import { ActivityEntity } from '../activities/entities/activity.entity.js';
import { ReminderDeliveryEntity } from '../activities/entities/reminder-delivery.entity.js';
import { SignupEntity } from '../activities/entities/signup.entity.js';
import { MessagesService, type SendMessageInput } from '../messages/messages.service.js';
import { Clock } from '../services/clock.js';
import { ServiceTransactions } from '../services/service-transactions.js';

/** Reminders written per transaction, and sign-ups read per round trip. */
const BATCH = 200;
/** A published activity becomes finished this long after its end, so late check-outs and marking still fit. */
export const FINISH_AFTER_HOURS = 3;
/** Upper bound on batches per run, so one run always ends even if something keeps failing the same way. */
const MAX_BATCHES = 1000;

export interface SchedulerRun {
  /** Reminders this run wrote (inbox row + delivery row). */
  reminded: number;
  /** Reminders another instance or an earlier run had already written. */
  skipped: number;
  /** Activities this run marked finished. */
  finished: number;
}

interface Due {
  activityId: string;
  memberId: string;
}

/**
 * The activities clock, in every backend instance: reminds each confirmed participant once before an activity starts,
 * and finishes activities a few hours after their end. No lease: every instance may do the work, and the unique
 * (kind, activity, member) of reminder_deliveries decides who sends — the delivery row and the inbox row are written in
 * one transaction, so a reminder is sent exactly once across restarts and instances.
 */
@Injectable()
export class ActivitySchedulerService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ActivitySchedulerService.name);
  private readonly settings: ActivitiesSection;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly messages: MessagesService,
    private readonly tx: ServiceTransactions,
  ) {
    this.settings = config.getOrThrow('activities', { infer: true });
  }

  onModuleInit(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = null));
    }, this.settings.schedulerSeconds * 1000);
    // The timer alone never keeps the process (or a test run) alive.
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round at `now` (the server clock unless given): reminders first, then finishing. */
  async runOnce(now: Date = this.clock.now()): Promise<SchedulerRun> {
    const { reminded, skipped } = await this.sendReminders(now);
    const finished = await this.finishEnded(now);
    return { reminded, skipped, finished };
  }

  private async tick(): Promise<void> {
    try {
      const run = await this.runOnce();
      if (run.reminded > 0 || run.finished > 0) {
        this.logger.log(`activity scheduler: ${run.reminded} reminder(s) sent, ${run.finished} activit(ies) finished`);
      }
    } catch (error) {
      this.logger.warn(`activity scheduler round failed: ${(error as Error).message}`);
    }
  }

  /**
   * Every confirmed sign-up of a published activity starting within the lead time (and not yet started) that has no
   * reminder yet, in batches: one read per batch, one transaction per batch; when another instance is writing the same
   * batch, that batch is done again one reminder at a time, and the ones already written are skipped.
   */
  private async sendReminders(now: Date): Promise<{ reminded: number; skipped: number }> {
    const horizon = new Date(now.getTime() + this.settings.reminderLeadMinutes * 60_000);
    let reminded = 0;
    let skipped = 0;
    for (let round = 0; round < MAX_BATCHES; round++) {
      const due = await this.dueReminders(now, horizon);
      if (due.length === 0) break;
      const activities = new Map(
        (await this.ds.getRepository(ActivityEntity).findBy({ id: In([...new Set(due.map((d) => d.activityId))]) })).map((a) => [
          a.id,
          a,
        ]),
      );
      const written = await this.writeBatch(due, activities);
      if (written !== null) {
        reminded += written;
      } else {
        for (const one of due) {
          if ((await this.writeBatch([one], activities)) === 1) reminded++;
          else skipped++;
        }
      }
      if (due.length < BATCH) break;
    }
    return { reminded, skipped };
  }

  private async dueReminders(now: Date, horizon: Date): Promise<Due[]> {
    const rows: Array<{ activityId: string; memberId: string }> = await this.ds
      .getRepository(SignupEntity)
      .createQueryBuilder('s')
      .innerJoin(ActivityEntity, 'a', 'a.id = s.activity_id')
      .leftJoin(
        ReminderDeliveryEntity,
        'r',
        "r.kind = 'starts_soon' AND r.activity_id = s.activity_id AND r.member_id = s.member_id",
      )
      .select('s.activity_id', 'activityId')
      .addSelect('s.member_id', 'memberId')
      .where("a.status = 'published'")
      .andWhere('a.starts_at > :now AND a.starts_at <= :horizon', { now, horizon })
      .andWhere("s.status = 'confirmed'")
      .andWhere('r.id IS NULL')
      // One order for every instance: racing inserts take their locks in the same order and do not deadlock.
      .orderBy('s.activity_id', 'ASC')
      .addOrderBy('s.member_id', 'ASC')
      .limit(BATCH)
      .getRawMany();
    return rows.map((r) => ({ activityId: r.activityId, memberId: r.memberId }));
  }

  /**
   * Writes the delivery rows first (the unique index is the claim), then the inbox rows with them, in one transaction.
   * Answers how many were written, or null when one of them had been written already (the whole batch rolled back).
   */
  private async writeBatch(due: Due[], activities: Map<string, ActivityEntity>): Promise<number | null> {
    const items = due.flatMap((d) => {
      const activity = activities.get(d.activityId);
      return activity ? [{ ...d, activity, messageId: randomUUID() }] : [];
    });
    if (items.length === 0) return 0;
    try {
      await this.tx.run(async (m: EntityManager) => {
        await m.getRepository(ReminderDeliveryEntity).insert(
          items.map((i) => ({
            id: randomUUID(),
            kind: 'starts_soon' as const,
            activityId: i.activityId,
            memberId: i.memberId,
            messageId: i.messageId,
          })),
        );
        const inputs: SendMessageInput[] = items.map((i) => ({
          id: i.messageId,
          memberId: i.memberId,
          kind: 'activity_reminder',
          title: '您报名的活动即将开始',
          body: `“${i.activity.title}”将于 ${beijingClock(i.activity.startsAt)} 在${i.activity.place}开始，请按时参加。`,
          link: activityLink(i.activityId),
          pushData: activityPushData(i.activity, '请按时参加'),
        }));
        await this.messages.sendMany(inputs, m);
      });
      return items.length;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Published activities whose end passed FINISH_AFTER_HOURS ago become finished; sign-ups are left as they are. */
  private async finishEnded(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - FINISH_AFTER_HOURS * 3600_000);
    const result = await this.ds
      .getRepository(ActivityEntity)
      .update({ status: 'published', endsAt: LessThan(cutoff) }, { status: 'finished' });
    return result.affected ?? 0;
  }
}

/** 1月25日 14:30, Beijing time: how the inbox says when. */
function beijingClock(date: Date): string {
  const b = new Date(date.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}
