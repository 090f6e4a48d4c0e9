import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ServiceFlag, ServiceRecordView } from '@pioneer/shared-types';
import { In, Repository } from 'typeorm';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { ServiceRecordFlagEntity } from './entities/service-record-flag.entity.js';
import { ServiceRecordEntity } from './entities/service-record.entity.js';
import { mapServiceRecord } from './services.mapper.js';

/** Turns records into views with a fixed number of queries, however long the page. */
@Injectable()
export class ServiceRecordViews {
  constructor(
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(ServiceRecordFlagEntity) private readonly flags: Repository<ServiceRecordFlagEntity>,
    @InjectRepository(ServiceRecordEntity) private readonly records: Repository<ServiceRecordEntity>,
  ) {}

  async one(record: ServiceRecordEntity): Promise<ServiceRecordView> {
    return (await this.many([record]))[0]!;
  }

  async many(records: ServiceRecordEntity[]): Promise<ServiceRecordView[]> {
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
    return records.map((r) =>
      mapServiceRecord(r, {
        memberName: memberName.get(r.memberId) ?? '',
        communityName: communityName.get(r.communityId) ?? '',
        deciderName: r.decidedBy ? (memberName.get(r.decidedBy) ?? '') : null,
        flags: flagsOf.get(r.id) ?? [],
        resubmittedAs: resubmittedAs.get(r.id) ?? null,
      }),
    );
  }
}
