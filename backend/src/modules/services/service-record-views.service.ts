import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { ServiceFlag, ServiceRecordView } from '@pioneer/shared-types';
import { In, Repository } from 'typeorm';
import type { AppConfig } from '../../config/configuration.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { Clock } from './clock.js';
import { ServiceRecordFlagEntity } from './entities/service-record-flag.entity.js';
import { ServiceRecordEntity } from './entities/service-record.entity.js';
import { mapServiceRecord } from './services.mapper.js';

/** Until when the person who decided a record may undo it: a short window, never for entries made on a member's behalf. */
export function undoDeadline(
  r: Pick<ServiceRecordEntity, 'status' | 'decidedBy' | 'decidedAt' | 'onBehalf'>,
  undoMinutes: number,
): Date | null {
  if ((r.status !== 'confirmed' && r.status !== 'rejected') || r.onBehalf || !r.decidedBy || !r.decidedAt) return null;
  return new Date(r.decidedAt.getTime() + undoMinutes * 60_000);
}

/** Turns records into views with a fixed number of queries, however long the page. */
@Injectable()
export class ServiceRecordViews {
  private readonly undoMinutes: number;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(ServiceRecordFlagEntity) private readonly flags: Repository<ServiceRecordFlagEntity>,
    @InjectRepository(ServiceRecordEntity) private readonly records: Repository<ServiceRecordEntity>,
  ) {
    this.undoMinutes = config.getOrThrow('checkin', { infer: true }).undoMinutes;
  }

  /** `viewerId`: whose undo window the views show (the worker reading the queue); without it none is shown. */
  async one(record: ServiceRecordEntity, viewerId?: string): Promise<ServiceRecordView> {
    return (await this.many([record], viewerId))[0]!;
  }

  async many(records: ServiceRecordEntity[], viewerId?: string): Promise<ServiceRecordView[]> {
    if (records.length === 0) return [];
    const memberIds = [...new Set(records.flatMap((r) => (r.decidedBy ? [r.memberId, r.decidedBy] : [r.memberId])))];
    const communityIds = [...new Set(records.map((r) => r.communityId))];
    const ids = records.map((r) => r.id);
    const [members, communities, flags, corrections] = await Promise.all([
      this.members.find({ where: { id: In(memberIds) }, select: { id: true, name: true } }),
      this.communities.find({ where: { id: In(communityIds) }, select: { id: true, name: true } }),
      this.flags.find({ where: { recordId: In(ids) }, select: { recordId: true, flag: true } }),
      // Which of these were resubmitted, and as what: one query for the page, on the unique resubmitted_from index.
      this.records.find({ where: { resubmittedFrom: In(ids) }, select: { id: true, resubmittedFrom: true } }),
    ]);
    const resubmittedAs = new Map(corrections.map((c) => [c.resubmittedFrom, c.id]));
    const memberName = new Map(members.map((m) => [m.id, m.name]));
    const communityName = new Map(communities.map((c) => [c.id, c.name]));
    const flagsOf = new Map<string, ServiceFlag[]>();
    for (const f of flags) flagsOf.set(f.recordId, [...(flagsOf.get(f.recordId) ?? []), f.flag]);
    const now = this.clock.now().getTime();
    const undoableUntil = (r: ServiceRecordEntity): string | null => {
      if (!viewerId || r.decidedBy !== viewerId) return null;
      const until = undoDeadline(r, this.undoMinutes);
      return until && until.getTime() > now ? until.toISOString() : null;
    };
    return records.map((r) =>
      mapServiceRecord(r, {
        memberName: memberName.get(r.memberId) ?? '',
        communityName: communityName.get(r.communityId) ?? '',
        deciderName: r.decidedBy ? (memberName.get(r.decidedBy) ?? '') : null,
        flags: flagsOf.get(r.id) ?? [],
        resubmittedAs: resubmittedAs.get(r.id) ?? null,
        // A rejection the member has already answered with a resubmission is settled: no undo any more.
        undoableUntil: resubmittedAs.has(r.id) ? null : undoableUntil(r),
      }),
    );
  }
}
