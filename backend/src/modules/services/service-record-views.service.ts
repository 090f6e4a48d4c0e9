import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ServiceFlag, ServiceRecordView } from '@pioneer/shared-types';
import { In, Repository } from 'typeorm';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { ServiceRecordFlagEntity } from './entities/service-record-flag.entity.js';
import type { ServiceRecordEntity } from './entities/service-record.entity.js';
import { mapServiceRecord } from './services.mapper.js';

/** Turns records into views with a fixed number of queries, however long the page. */
@Injectable()
export class ServiceRecordViews {
  constructor(
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(ServiceRecordFlagEntity) private readonly flags: Repository<ServiceRecordFlagEntity>,
  ) {}

  async one(record: ServiceRecordEntity): Promise<ServiceRecordView> {
    return (await this.many([record]))[0]!;
  }

  async many(records: ServiceRecordEntity[]): Promise<ServiceRecordView[]> {
    if (records.length === 0) return [];
    const memberIds = [...new Set(records.flatMap((r) => (r.decidedBy ? [r.memberId, r.decidedBy] : [r.memberId])))];
    const communityIds = [...new Set(records.map((r) => r.communityId))];
    const [members, communities, flags] = await Promise.all([
      this.members.find({ where: { id: In(memberIds) }, select: { id: true, name: true } }),
      this.communities.find({ where: { id: In(communityIds) }, select: { id: true, name: true } }),
      this.flags.find({ where: { recordId: In(records.map((r) => r.id)) }, select: { recordId: true, flag: true } }),
    ]);
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
      }),
    );
  }
}
