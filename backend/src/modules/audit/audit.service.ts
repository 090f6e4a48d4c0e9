import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
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

  /** Pass the transaction's manager when the audited change is written in one, so both commit or neither does. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditLogEntity) : this.repo;
    await repo.insert(
      repo.create({
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        ip: entry.ip ?? null,
        result: entry.result,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
        // Millisecond time from here: SQLite's column default keeps whole seconds, which scrambles "newest first".
        createdAt: new Date(),
      }),
    );
  }
}
