import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarDayView } from '@pioneer/shared-types';
import { Between, DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { ScopeService } from '../org/scope.service.js';
import type { CalendarDayInputDto } from './dto/problem.dto.js';
import { CalendarDayEntity } from './entities/calendar-day.entity.js';
import { DAY } from '../../common/http/text-fields.js';


/** The district's own days off and make-up workdays over the national calendar; only the district organizer sets them. */
@Injectable()
export class CalendarDaysService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async list(year: number): Promise<CalendarDayView[]> {
    const rows = await this.ds
      .getRepository(CalendarDayEntity)
      .find({ where: { day: Between(`${year}-01-01`, `${year}-12-31`) }, order: { day: 'ASC' } });
    return rows.map((r) => ({ day: r.day, workday: r.workday, label: r.label }));
  }

  async set(user: AuthUser, day: string, input: CalendarDayInputDto): Promise<CalendarDayView> {
    this.assertDistrict(user);
    this.assertDay(day);
    await this.ds.transaction(async (m) => {
      const repo = m.getRepository(CalendarDayEntity);
      await repo.upsert({ day, workday: input.workday, label: input.label, updatedBy: user.memberId }, ['day']);
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'calendar.set',
          targetType: 'calendar_day',
          targetId: day,
          result: 'success',
          detail: { workday: input.workday, label: input.label },
        },
        m,
      );
    });
    return { day, workday: input.workday, label: input.label };
  }

  async remove(user: AuthUser, day: string): Promise<void> {
    this.assertDistrict(user);
    this.assertDay(day);
    await this.ds.transaction(async (m) => {
      const result = await m.getRepository(CalendarDayEntity).delete({ day });
      if (!result.affected) throw new DomainException('NOT_FOUND', '这一天没有单独设置');
      await this.audit.record(
        { actorId: user.memberId, action: 'calendar.delete', targetType: 'calendar_day', targetId: day, result: 'success' },
        m,
      );
    });
  }

  private assertDistrict(user: AuthUser): void {
    if (!this.scope.isDistrictOrganizer(user)) throw new DomainException('FORBIDDEN', '工作日由区委机关工委统一设置');
  }

  private assertDay(day: string): void {
    if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'day', message: '日期格式应为 YYYY-MM-DD' }]);
    }
  }
}
