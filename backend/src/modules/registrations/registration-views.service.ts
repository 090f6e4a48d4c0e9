import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RegistrationView } from '@pioneer/shared-types';
import { In, Repository } from 'typeorm';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { StreetEntity } from '../org/entities/street.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import type { RegistrationEntity } from './entities/registration.entity.js';
import { mapRegistration } from './registrations.mapper.js';

const GONE = '（已删除）';

/** Turns registration rows into views with four queries however long the page is. */
@Injectable()
export class RegistrationViewsService {
  constructor(
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(StreetEntity) private readonly streets: Repository<StreetEntity>,
  ) {}

  async many(rows: RegistrationEntity[]): Promise<RegistrationView[]> {
    if (rows.length === 0) return [];
    const memberIds = [...new Set(rows.flatMap((r) => (r.decidedBy ? [r.memberId, r.decidedBy] : [r.memberId])))];
    const members = await this.members.find({ where: { id: In(memberIds) }, select: { id: true, name: true, unitId: true } });
    const units = await this.units.find({
      where: { id: In([...new Set(members.map((m) => m.unitId))]) },
      select: { id: true, name: true },
    });
    const communities = await this.communities.find({
      where: { id: In([...new Set(rows.map((r) => r.communityId))]) },
      select: { id: true, name: true, streetId: true },
    });
    const streets = await this.streets.find({
      where: { id: In([...new Set(communities.map((c) => c.streetId))]) },
      select: { id: true, name: true },
    });
    const memberById = new Map(members.map((m) => [m.id, m]));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const communityById = new Map(communities.map((c) => [c.id, c]));
    const streetName = new Map(streets.map((s) => [s.id, s.name]));
    return rows.map((r) => {
      const member = memberById.get(r.memberId);
      const community = communityById.get(r.communityId);
      return mapRegistration(r, {
        member: { name: member?.name ?? GONE, unitName: (member && unitName.get(member.unitId)) ?? GONE },
        community: { name: community?.name ?? GONE, streetName: (community && streetName.get(community.streetId)) ?? GONE },
        decidedByName: r.decidedBy ? (memberById.get(r.decidedBy)?.name ?? null) : null,
      });
    });
  }

  async one(row: RegistrationEntity): Promise<RegistrationView> {
    const [view] = await this.many([row]);
    return view!;
  }
}
