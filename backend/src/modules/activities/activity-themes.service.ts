import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ActivityThemeView } from '@pioneer/shared-types';
import { DataSource, Like, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../services/clock.js';
import { shanghaiDate } from '../services/hours.js';
import { mapTheme } from './activities.mapper.js';
import type { CreateThemeDto, ThemeQueryDto } from './dto/activity.dto.js';
import { ActivityThemeEntity } from './entities/activity-theme.entity.js';

/** 一月一主题: themes of the district's months, kept by any organizer. */
@Injectable()
export class ActivityThemesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(ActivityThemeEntity) private readonly themes: Repository<ActivityThemeEntity>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: ThemeQueryDto): Promise<ActivityThemeView[]> {
    const year = query.year ?? Number(shanghaiDate(this.clock.now()).slice(0, 4));
    const rows = await this.themes.find({ where: { month: Like(`${year}-%`) }, order: { month: 'ASC', title: 'ASC' } });
    return rows.map(mapTheme);
  }

  async create(user: AuthUser, input: CreateThemeDto, ip: string): Promise<ActivityThemeView> {
    try {
      return await this.ds.transaction(async (m) => {
        const repo = m.getRepository(ActivityThemeEntity);
        const row = repo.create({ month: input.month, title: input.title, createdBy: user.memberId });
        await repo.insert(row);
        await this.audit.record(
          { actorId: user.memberId, action: 'activity_theme.create', targetType: 'activity_theme', targetId: row.id, ip, result: 'success' },
          m,
        );
        return mapTheme(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'title', message: '这个月已有同名主题' }]);
      }
      throw error;
    }
  }

  /** Only while no activity belongs to it: one conditional DELETE, so an activity filed under it meanwhile keeps it. */
  async remove(user: AuthUser, id: string, ip: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const result = await m
        .createQueryBuilder()
        .delete()
        .from(ActivityThemeEntity)
        .where('id = :id', { id })
        .andWhere('NOT EXISTS (SELECT 1 FROM activities x WHERE x.theme_id = :id)')
        .execute();
      if (!result.affected) {
        if (await m.getRepository(ActivityThemeEntity).existsBy({ id })) {
          throw new DomainException('CONFLICT', '已有活动属于这个主题，不能删除');
        }
        throw new DomainException('NOT_FOUND', '主题不存在');
      }
      await this.audit.record(
        { actorId: user.memberId, action: 'activity_theme.delete', targetType: 'activity_theme', targetId: id, ip, result: 'success' },
        m,
      );
    });
  }
}
