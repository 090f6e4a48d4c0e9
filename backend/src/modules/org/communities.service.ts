import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { CommunityView, Page } from '@pioneer/shared-types';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { isForeignKeyViolation } from '../../common/errors/db-constraint.js';
import {
  type CommunityListQueryDto,
  type CreateCommunityDto,
  DEFAULT_GEOFENCE_M,
  type UpdateCommunityDto,
} from './dto/community.dto.js';
import { CommunityEntity } from './entities/community.entity.js';
import { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import { StreetEntity } from './entities/street.entity.js';
import { mapCommunity } from './org.mapper.js';
import { likeContains, pageWindow, toPage } from '../../common/http/paging.js';

/** Communities (社区): anyone signed in reads them (members choose where to register); the admin writes. */
@Injectable()
export class CommunitiesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(StreetEntity) private readonly streets: Repository<StreetEntity>,
    @InjectRepository(RoleAssignmentEntity) private readonly roles: Repository<RoleAssignmentEntity>,
  ) {}

  async list(query: CommunityListQueryDto): Promise<Page<CommunityView>> {
    const window = pageWindow(query);
    const qb = this.communities.createQueryBuilder('c');
    if (query.streetId) qb.andWhere('c.streetId = :streetId', { streetId: query.streetId });
    if (query.q) qb.andWhere("c.name LIKE :like ESCAPE '!'", { like: likeContains(query.q) });
    const [rows, total] = await qb
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .offset(window.skip)
      .limit(window.take)
      .getManyAndCount();
    return toPage(await this.views(rows), total, window);
  }

  async get(id: string): Promise<CommunityView> {
    return (await this.views([await this.find(id)]))[0]!;
  }

  async create(user: AuthUser, dto: CreateCommunityDto, ip: string): Promise<CommunityView> {
    await this.assertStreet(dto.streetId);
    const community = await this.write(async (m) => {
      const saved = await m.save(
        m.create(CommunityEntity, {
          name: dto.name,
          streetId: dto.streetId,
          address: dto.address,
          lat: dto.lat,
          lng: dto.lng,
          geofenceRadiusM: dto.geofenceRadiusM ?? DEFAULT_GEOFENCE_M,
        }),
      );
      await this.audit.record(
        { actorId: user.memberId, action: 'community.create', targetType: 'community', targetId: saved.id, ip, result: 'success', detail: { name: saved.name } },
        m,
      );
      return saved;
    });
    return this.get(community.id);
  }

  async update(user: AuthUser, id: string, dto: UpdateCommunityDto, ip: string): Promise<CommunityView> {
    const community = await this.find(id);
    if (dto.streetId && dto.streetId !== community.streetId) await this.assertStreet(dto.streetId);
    community.name = dto.name ?? community.name;
    community.streetId = dto.streetId ?? community.streetId;
    community.address = dto.address ?? community.address;
    community.lat = dto.lat ?? community.lat;
    community.lng = dto.lng ?? community.lng;
    community.geofenceRadiusM = dto.geofenceRadiusM ?? community.geofenceRadiusM;
    await this.write(async (m) => {
      await m.save(community);
      await this.audit.record(
        { actorId: user.memberId, action: 'community.update', targetType: 'community', targetId: id, ip, result: 'success', detail: { fields: Object.keys(dto) } },
        m,
      );
    });
    return this.get(id);
  }

  async remove(user: AuthUser, id: string, ip: string): Promise<void> {
    const community = await this.find(id);
    if (await this.roles.existsBy({ scopeKind: 'community', scopeId: id })) {
      throw new DomainException('ORG_IN_USE', '仍有社区工作者负责该社区，请先移交或调整角色');
    }
    await this.write(async (m) => {
      await m.delete(CommunityEntity, { id });
      await this.audit.record(
        { actorId: user.memberId, action: 'community.delete', targetType: 'community', targetId: id, ip, result: 'success', detail: { name: community.name } },
        m,
      );
    });
  }

  private async find(id: string): Promise<CommunityEntity> {
    const community = await this.communities.findOneBy({ id });
    if (!community) throw new DomainException('NOT_FOUND', '该社区不存在');
    return community;
  }

  private async assertStreet(streetId: string): Promise<void> {
    if (!(await this.streets.existsBy({ id: streetId }))) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'streetId', message: '所选街道不存在' }]);
    }
  }

  /** Later features reference communities by foreign key; a delete they block, or a street deleted meanwhile, is a 409. */
  private async write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.ds.transaction(work);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new DomainException('ORG_IN_USE', '该社区仍被其他记录引用，不能删除或修改');
      throw error;
    }
  }

  private async views(communities: CommunityEntity[]): Promise<CommunityView[]> {
    if (!communities.length) return [];
    const streets = await this.streets.findBy({ id: In([...new Set(communities.map((c) => c.streetId))]) });
    const nameOf = new Map(streets.map((s) => [s.id, s.name]));
    return communities.map((c) => mapCommunity(c, nameOf.get(c.streetId) ?? ''));
  }
}
