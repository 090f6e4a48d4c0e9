import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Page, StreetView } from '@pioneer/shared-types';
import { DataSource, In, Not, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { isForeignKeyViolation } from '../../common/errors/db-constraint.js';
import type { StreetInputDto, StreetListQueryDto } from './dto/street.dto.js';
import { CommunityEntity } from './entities/community.entity.js';
import { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import { StreetEntity } from './entities/street.entity.js';
import { mapStreet } from './org.mapper.js';
import { pageWindow, toPage } from '../../common/http/paging.js';

/** Streets (街道): admin writes; admins, organizers and workers read. */
@Injectable()
export class StreetsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    @InjectRepository(StreetEntity) private readonly streets: Repository<StreetEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(RoleAssignmentEntity) private readonly roles: Repository<RoleAssignmentEntity>,
  ) {}

  async list(query: StreetListQueryDto): Promise<Page<StreetView>> {
    const window = pageWindow(query);
    const [rows, total] = await this.streets.findAndCount({
      order: { name: 'ASC', id: 'ASC' },
      skip: window.skip,
      take: window.take,
    });
    return toPage(await this.views(rows), total, window);
  }

  async get(id: string): Promise<StreetView> {
    return (await this.views([await this.find(id)]))[0]!;
  }

  async create(user: AuthUser, dto: StreetInputDto, ip: string): Promise<StreetView> {
    await this.assertNameFree(dto.name);
    const street = await this.ds.transaction(async (m) => {
      const saved = await m.save(m.create(StreetEntity, { name: dto.name }));
      await this.audit.record(
        { actorId: user.memberId, action: 'street.create', targetType: 'street', targetId: saved.id, ip, result: 'success', detail: { name: saved.name } },
        m,
      );
      return saved;
    });
    return mapStreet(street, 0);
  }

  async update(user: AuthUser, id: string, dto: StreetInputDto, ip: string): Promise<StreetView> {
    const street = await this.find(id);
    await this.assertNameFree(dto.name, id);
    const before = street.name;
    street.name = dto.name;
    await this.ds.transaction(async (m) => {
      await m.save(street);
      await this.audit.record(
        { actorId: user.memberId, action: 'street.update', targetType: 'street', targetId: id, ip, result: 'success', detail: { from: before, to: street.name } },
        m,
      );
    });
    return this.get(id);
  }

  async remove(user: AuthUser, id: string, ip: string): Promise<void> {
    const street = await this.find(id);
    const communities = await this.communities.countBy({ streetId: id });
    if (communities) throw new DomainException('ORG_IN_USE', `该街道下还有 ${communities} 个社区，不能删除`);
    if (await this.roles.existsBy({ scopeKind: 'street', scopeId: id })) {
      throw new DomainException('ORG_IN_USE', '仍有社区工作者负责该街道，请先调整角色');
    }
    try {
      await this.ds.transaction(async (m) => {
        await m.delete(StreetEntity, { id });
        await this.audit.record(
          { actorId: user.memberId, action: 'street.delete', targetType: 'street', targetId: id, ip, result: 'success', detail: { name: street.name } },
          m,
        );
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new DomainException('ORG_IN_USE', '该街道下还有社区，不能删除');
      throw error;
    }
  }

  private async find(id: string): Promise<StreetEntity> {
    const street = await this.streets.findOneBy({ id });
    if (!street) throw new DomainException('NOT_FOUND', '该街道不存在');
    return street;
  }

  private async assertNameFree(name: string, exceptId?: string): Promise<void> {
    if (await this.streets.existsBy({ name, ...(exceptId ? { id: Not(exceptId) } : {}) })) {
      throw new DomainException('CONFLICT', `已有名为“${name}”的街道`);
    }
  }

  private async views(streets: StreetEntity[]): Promise<StreetView[]> {
    if (!streets.length) return [];
    const counts = await this.communities
      .createQueryBuilder('c')
      .select('c.streetId', 'streetId')
      .addSelect('COUNT(*)', 'n')
      .where({ streetId: In(streets.map((s) => s.id)) })
      .groupBy('c.streetId')
      .getRawMany<{ streetId: string; n: string | number }>();
    const countOf = new Map(counts.map((c) => [c.streetId, Number(c.n)]));
    return streets.map((s) => mapStreet(s, countOf.get(s.id) ?? 0));
  }
}
