import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { ServiceRecordView } from '@pioneer/shared-types';
import { type EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig, CheckinSection } from '../../config/configuration.js';
import { AuditService } from '../audit/audit.service.js';
import { MessagesService } from '../messages/messages.service.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { ScopeService } from '../org/scope.service.js';
import { Clock } from './clock.js';
import { lockedHoursOfMember } from './daily-hours.js';
import { roomOfDay } from './hours.js';
import type { CorrectServiceDto } from './dto/correct-service.dto.js';
import { ServiceRecordEntity } from './entities/service-record.entity.js';
import { undoDeadline, ServiceRecordViews } from './service-record-views.service.js';
import { MY_RECORDS_LINK } from './service-review.service.js';
import { ServiceTransactions } from './service-transactions.js';
import { settleServiceRecord } from './need-signups.js';

const CHANGED_MEANWHILE = '该记录刚被其他人更改过，请刷新后再试';

/**
 * Second thoughts on a decision. The worker who decided may undo it for a few minutes (the record waits again, as if
 * never decided); after that a worker of the community corrects it with a reason, within the day's hours cap. Both are
 * audited and told to the member, and both change the row only if it is still as read, so of two racing changes one
 * wins and the other is told to refresh.
 */
@Injectable()
export class ServiceCorrectionsService {
  private readonly checkin: CheckinSection;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
    private readonly tx: ServiceTransactions,
    private readonly views: ServiceRecordViews,
    @InjectRepository(ServiceRecordEntity) private readonly records: Repository<ServiceRecordEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
  ) {
    this.checkin = config.getOrThrow('checkin', { infer: true });
  }

  async undo(user: AuthUser, id: string, ip: string): Promise<ServiceRecordView> {
    const record = await this.decidedInScope(user, id);
    if (record.onBehalf) throw new DomainException('CONFLICT', '代为补录的记录不能撤销，如需修改请填写更正理由');
    if (record.decidedBy !== user.memberId) {
      throw new DomainException('FORBIDDEN', '只有处理该记录的工作者本人可以撤销，如需修改请填写更正理由');
    }
    const now = this.clock.now();
    const deadline = undoDeadline(record, this.checkin.undoMinutes);
    if (!deadline || now.getTime() >= deadline.getTime()) throw new DomainException('SERVICE_UNDO_EXPIRED');
    const cutoff = new Date(now.getTime() - this.checkin.undoMinutes * 60_000);
    const community = await this.communityName(record.communityId);

    await this.tx.run(async (m) => {
      await this.assertNotResubmitted(m, record);
      const result = await m
        .createQueryBuilder()
        .update(ServiceRecordEntity)
        .set({ status: 'pending', hours: 0, decidedBy: null, decidedAt: null, decisionReason: null })
        .where('id = :id AND status = :status AND decided_by = :me AND decided_at > :cutoff', {
          id: record.id,
          status: record.status,
          me: user.memberId,
          cutoff,
        })
        .execute();
      if (!result.affected) throw new DomainException('CONFLICT', CHANGED_MEANWHILE);
      await settleServiceRecord(m, { ...record, status: 'pending', hours: 0 }, user.memberId, '撤销确认', now);
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'service.undo',
          targetType: 'service_record',
          targetId: record.id,
          ip,
          result: 'success',
          detail: {
            memberId: record.memberId,
            before: { status: record.status, hours: record.hours, reason: record.decisionReason },
            after: { status: 'pending', hours: 0 },
          },
        },
        m,
      );
      const earlier = record.status === 'confirmed' ? `确认（计入 ${record.hours} 小时）` : '退回';
      await this.messages.send(
        {
          memberId: record.memberId,
          kind: 'system',
          title: '服务记录改为待确认',
          body: `您 ${record.serviceDate} 在${community}的服务，社区工作者撤销了刚才的${earlier}，记录重新等待确认，请以之后的通知为准。`,
          link: MY_RECORDS_LINK,
        },
        m,
      );
    });
    return this.views.one(await this.records.findOneByOrFail({ id: record.id }), user.memberId);
  }

  async correct(user: AuthUser, id: string, dto: CorrectServiceDto, ip: string): Promise<ServiceRecordView> {
    const record = await this.decidedInScope(user, id);
    if (record.memberId === user.memberId) throw new DomainException('OWN_RECORD', '不能更正自己的服务记录，请由其他社区工作者办理');
    const confirm = dto.decision === 'confirm';
    if (!confirm && dto.hours !== undefined) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'hours', message: '退回的记录不计时长，请不要填写时长' }]);
    }
    const now = this.clock.now();
    const community = await this.communityName(record.communityId);
    const max = this.checkin.maxHoursPerDay;

    await this.tx.run(async (m) => {
      await this.assertNotResubmitted(m, record);
      let hours = 0;
      if (confirm) {
        // The member's row is locked first: a confirmation or entry for them on the same day waits, so the cap holds.
        const credited = await lockedHoursOfMember(m, record.memberId, record.serviceDate, { excludeId: record.id, confirmedOnly: true });
        hours = dto.hours ?? (record.status === 'confirmed' ? record.hours : record.proposedHours);
        if (hours <= 0) {
          throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'hours', message: '请填写计入时长' }]);
        }
        const room = roomOfDay(credited, max);
        if (hours > room) {
          throw new DomainException('SERVICE_DAILY_CAP', undefined, [
            { field: 'hours', message: `该党员当日已计入 ${credited} 小时，每日最多 ${max} 小时，最多还可计入 ${room} 小时` },
          ]);
        }
      }
      const status = confirm ? 'confirmed' : 'rejected';
      if (status === record.status && hours === record.hours) {
        throw new DomainException('VALIDATION_FAILED', '更正后的结果与现在相同，无需更正');
      }
      const result = await m
        .createQueryBuilder()
        .update(ServiceRecordEntity)
        .set({
          status,
          hours,
          // Hours confirmed by the worker's word rest on it, as in a first confirmation of an end not scanned.
          endVerification: confirm && record.endVerification !== 'code' ? 'worker' : record.endVerification,
          decidedBy: user.memberId,
          decidedAt: now,
          decisionReason: dto.reason,
        })
        .where('id = :id AND status = :before AND hours = :hours AND decided_by = :decider', {
          id: record.id,
          before: record.status,
          hours: record.hours,
          decider: record.decidedBy,
        })
        .execute();
      if (!result.affected) throw new DomainException('CONFLICT', CHANGED_MEANWHILE);
      await settleServiceRecord(m, { ...record, status, hours }, user.memberId, dto.reason, now);
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'service.correct',
          targetType: 'service_record',
          targetId: record.id,
          ip,
          result: 'success',
          detail: {
            memberId: record.memberId,
            before: { status: record.status, hours: record.hours, decidedBy: record.decidedBy, reason: record.decisionReason },
            after: { status, hours },
            reason: dto.reason,
          },
        },
        m,
      );
      const where = `${record.serviceDate} 在${community}的服务`;
      await this.messages.send(
        confirm
          ? {
              memberId: record.memberId,
              kind: 'service_confirmed',
              title: '服务记录已更正',
              body: `您 ${where}已更正为确认，计入 ${hours} 小时。更正理由：${dto.reason}`,
              link: MY_RECORDS_LINK,
            }
          : {
              memberId: record.memberId,
              kind: 'service_rejected',
              title: '服务记录已更正',
              body: `您 ${where}已更正为未通过，不计时长。更正理由：${dto.reason}`,
              link: MY_RECORDS_LINK,
            },
        m,
      );
    });
    return this.views.one(await this.records.findOneByOrFail({ id: record.id }), user.memberId);
  }

  /**
   * A rejection the member answered with a corrected record is settled: undoing or correcting it would put the same
   * visit in the queue (or the hours) twice. The member's row is locked first, as resubmission locks it, so of the two
   * racing only one sees the other's absence.
   */
  private async assertNotResubmitted(m: EntityManager, record: ServiceRecordEntity): Promise<void> {
    if (record.status !== 'rejected') return;
    await lockedHoursOfMember(m, record.memberId, record.serviceDate);
    const resubmitted = await m.getRepository(ServiceRecordEntity).exists({ where: { resubmittedFrom: record.id } });
    if (resubmitted) {
      throw new DomainException('CONFLICT', '党员已修改后重新提交了这条记录，请处理新提交的记录');
    }
  }

  /** A decided record of one of the worker's communities, checked in an order that reveals nothing outside it. */
  private async decidedInScope(user: AuthUser, id: string): Promise<ServiceRecordEntity> {
    const record = await this.records.findOneBy({ id });
    if (!record) throw new DomainException('NOT_FOUND', '记录不存在');
    const served = await this.scope.workerCommunityIds(user);
    if (!served.includes(record.communityId)) throw new DomainException('FORBIDDEN', '该记录不在您负责的社区');
    if (record.status !== 'confirmed' && record.status !== 'rejected') {
      throw new DomainException('CONFLICT', record.status === 'pending' ? '该记录正在等待确认，请直接确认或退回' : '该记录还没有签退，还不能处理');
    }
    return record;
  }

  private async communityName(id: string): Promise<string> {
    return (await this.communities.findOne({ where: { id }, select: { id: true, name: true } }))?.name ?? '社区';
  }
}
