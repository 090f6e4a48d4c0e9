import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string;
  result: 'success' | 'failure';
  detail?: Record<string, unknown>;
}

/** Who did what to which record, when, from where, with what result. Insert-only by design. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly repo: Repository<AuditLogEntity>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.repo.insert(
      this.repo.create({
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        ip: entry.ip ?? null,
        result: entry.result,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      }),
    );
  }
}
