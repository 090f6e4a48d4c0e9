import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditLogQuery, AuditLogView, Page } from '@pioneer/shared-types';
import { In, Repository } from 'typeorm';
import { MemberEntity } from '../org/entities/member.entity.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import { AuditLogEntity } from './audit-log.entity.js';
import { mapAuditLog } from './audit.mapper.js';

/** Reading the audit log (admin). There is deliberately no update or delete here or anywhere else. */
@Injectable()
export class AuditQueryService {
  constructor(
    @InjectRepository(AuditLogEntity) private readonly logs: Repository<AuditLogEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
  ) {}

  async list(query: AuditLogQuery): Promise<Page<AuditLogView>> {
    const window = pageWindow(query);
    const [rows, total] = await this.logs.findAndCount({
      where: {
        ...(query.action ? { action: query.action } : {}),
        ...(query.actorId ? { actorId: query.actorId } : {}),
        ...(query.targetType ? { targetType: query.targetType } : {}),
        ...(query.targetId ? { targetId: query.targetId } : {}),
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: window.skip,
      take: window.take,
    });
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((a): a is string => a !== null))];
    const actors = actorIds.length
      ? await this.members.find({ where: { id: In(actorIds) }, select: { id: true, name: true } })
      : [];
    const nameOf = new Map(actors.map((a) => [a.id, a.name]));
    return toPage(rows.map((r) => mapAuditLog(r, r.actorId ? nameOf.get(r.actorId) ?? null : null)), total, window);
  }
}
