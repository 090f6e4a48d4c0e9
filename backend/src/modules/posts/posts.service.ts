import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type ModelPostView, INACTIVE_MEMBER_STATUSES, type Page } from '@pioneer/shared-types';
import { Brackets, DataSource, type EntityManager, In, IsNull, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopeService } from '../org/scope.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import type { CreateModelPostDto, ModelPostListQueryDto, UpdateModelPostDto } from './dto/model-post.dto.js';
import { ModelPostHolderEntity } from './entities/model-post-holder.entity.js';
import { ModelPostEntity } from './entities/model-post.entity.js';
import { mapModelPost } from './posts.mapper.js';

const GONE = '（已删除）';
const SAME_NAME = '本单位已有同名的在岗示范岗';

function activeKey(unitId: string, name: string): string {
  return `${unitId}:${name}`;
}

/**
 * 党员示范岗. A unit's organizer (or an admin) sets one up and names its holders from the unit's members; ending it
 * keeps the row with ended_at. Lists are scoped: organizers their units, workers their communities, members their own.
 */
@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(ModelPostEntity) private readonly posts: Repository<ModelPostEntity>,
    @InjectRepository(ModelPostHolderEntity) private readonly holders: Repository<ModelPostHolderEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: ModelPostListQueryDto): Promise<Page<ModelPostView>> {
    const window = pageWindow(query);
    const qb = this.posts.createQueryBuilder('p');
    const organizer = await this.scope.organizerUnits(user);
    if (!this.scope.isAdmin(user) && !organizer.all) {
      const unitIds = organizer.ids;
      const communityIds = await this.scope.workerCommunityIds(user);
      qb.andWhere(
        new Brackets((w) => {
          // Everyone sees the posts they hold.
          w.where('p.id IN (SELECT h.post_id FROM model_post_holders h WHERE h.member_id = :me)', { me: user.memberId });
          if (unitIds.length) w.orWhere('p.unit_id IN (:...unitIds)', { unitIds });
          if (communityIds.length) w.orWhere('p.community_id IN (:...communityIds)', { communityIds });
        }),
      );
    }
    if (query.unitId) qb.andWhere('p.unit_id = :unitId', { unitId: query.unitId });
    if (query.communityId) qb.andWhere('p.community_id = :communityId', { communityId: query.communityId });
    if (query.state === 'active') qb.andWhere('p.ended_at IS NULL');
    if (query.state === 'ended') qb.andWhere('p.ended_at IS NOT NULL');
    const [rows, total] = await qb
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip(window.skip)
      .take(window.take)
      .getManyAndCount();
    return toPage(await this.views(rows), total, window);
  }

  /** The posts a member holds, ended ones included (they belong to the member's record). */
  async heldBy(memberId: string): Promise<ModelPostView[]> {
    const held = await this.holders.find({ where: { memberId }, select: { id: true, postId: true } });
    if (held.length === 0) return [];
    const rows = await this.posts.find({ where: { id: In(held.map((h) => h.postId)) }, order: { createdAt: 'DESC', id: 'DESC' } });
    return this.views(rows);
  }

  async mine(user: AuthUser): Promise<ModelPostView[]> {
    return this.heldBy(user.memberId);
  }

  /** The member themself, an admin, or an organizer covering them (404 otherwise, like the profile itself). */
  async ofMember(user: AuthUser, memberId: string): Promise<ModelPostView[]> {
    const member = await this.members.findOne({ where: { id: memberId }, select: { id: true, unitId: true, branchId: true } });
    const visible =
      !!member &&
      (member.id === user.memberId || this.scope.isAdmin(user) || (await this.scope.organizerCovers(user, member)));
    if (!visible) throw new DomainException('NOT_FOUND', '该党员不存在');
    return this.heldBy(memberId);
  }

  async create(user: AuthUser, input: CreateModelPostDto, ip: string): Promise<ModelPostView> {
    await this.assertManagesUnit(user, input.unitId);
    const communityId = input.communityId ?? null;
    if (communityId) await this.assertCommunity(communityId);
    await this.assertHolders(input.unitId, input.holderIds);
    const post = await this.inTransaction(async (m) => {
      const repo = m.getRepository(ModelPostEntity);
      const row = repo.create({
        name: input.name,
        place: input.place,
        unitId: input.unitId,
        communityId,
        activeKey: activeKey(input.unitId, input.name),
        createdBy: user.memberId,
        endedAt: null,
        endedBy: null,
        // Set here rather than by the column default, which on SQLite keeps whole seconds only: lists sort by it.
        createdAt: new Date(),
      });
      await repo.insert(row);
      await this.writeHolders(m, row.id, input.holderIds);
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'post.create',
          targetType: 'model_post',
          targetId: row.id,
          ip,
          result: 'success',
          detail: { unitId: input.unitId, holders: input.holderIds.length },
        },
        m,
      );
      return row;
    });
    return this.one(post);
  }

  async update(user: AuthUser, id: string, input: UpdateModelPostDto, ip: string): Promise<ModelPostView> {
    const post = await this.findManaged(user, id);
    if (post.endedAt) throw new DomainException('CONFLICT', '该示范岗已撤销，不能再修改');
    if (input.communityId) await this.assertCommunity(input.communityId);
    if (input.holderIds) await this.assertHolders(post.unitId, input.holderIds);
    const changes: Partial<ModelPostEntity> = {};
    if (input.name !== undefined) Object.assign(changes, { name: input.name, activeKey: activeKey(post.unitId, input.name) });
    if (input.place !== undefined) changes.place = input.place;
    if (input.communityId !== undefined) changes.communityId = input.communityId;
    await this.inTransaction(async (m) => {
      if (Object.keys(changes).length) {
        const result = await m.getRepository(ModelPostEntity).update({ id, endedAt: IsNull() }, changes);
        if (!result.affected) throw new DomainException('CONFLICT', '该示范岗已撤销，不能再修改');
      }
      if (input.holderIds) {
        await m.getRepository(ModelPostHolderEntity).delete({ postId: id });
        await this.writeHolders(m, id, input.holderIds);
      }
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'post.update',
          targetType: 'model_post',
          targetId: id,
          ip,
          result: 'success',
          detail: { fields: [...Object.keys(changes), ...(input.holderIds ? ['holderIds'] : [])] },
        },
        m,
      );
    });
    return this.one(await this.posts.findOneByOrFail({ id }));
  }

  /** Ending keeps the post and its holders, so it still counts for the periods in which it existed. */
  async end(user: AuthUser, id: string, ip: string): Promise<ModelPostView> {
    await this.findManaged(user, id);
    await this.ds.transaction(async (m) => {
      const result = await m
        .getRepository(ModelPostEntity)
        .update({ id, endedAt: IsNull() }, { endedAt: new Date(), endedBy: user.memberId, activeKey: null });
      if (!result.affected) throw new DomainException('CONFLICT', '该示范岗已撤销');
      await this.audit.record(
        { actorId: user.memberId, action: 'post.end', targetType: 'model_post', targetId: id, ip, result: 'success' },
        m,
      );
    });
    return this.one(await this.posts.findOneByOrFail({ id }));
  }

  // ---- helpers ----

  /** An admin, the district organizer, or an organizer of that whole unit; a branch organizer does not set up unit posts. */
  private async assertManagesUnit(user: AuthUser, unitId: string): Promise<void> {
    if (!(await this.units.existsBy({ id: unitId }))) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'unitId', message: '所选单位不存在' }]);
    }
    const unitOrganizer = user.roles.some((r) => r.role === 'organizer' && r.scopeKind === 'unit' && r.scopeId === unitId);
    if (!this.scope.isAdmin(user) && !this.scope.isDistrictOrganizer(user) && !unitOrganizer) {
      throw new DomainException('FORBIDDEN', '只有本单位的组织者或管理员可以设立和调整示范岗');
    }
  }

  private async findManaged(user: AuthUser, id: string): Promise<ModelPostEntity> {
    const post = await this.posts.findOneBy({ id });
    if (!post) throw new DomainException('NOT_FOUND', '示范岗不存在');
    await this.assertManagesUnit(user, post.unitId);
    return post;
  }

  private async assertCommunity(id: string): Promise<void> {
    if (!(await this.communities.existsBy({ id }))) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'communityId', message: '所选社区不存在' }]);
    }
  }

  /** Holders are current members of the post's unit who are still in the roster. */
  private async assertHolders(unitId: string, holderIds: string[]): Promise<void> {
    const found = await this.members.find({ where: { id: In(holderIds) }, select: { id: true, unitId: true, status: true } });
    const byId = new Map(found.map((m) => [m.id, m]));
    const wrong = holderIds.filter((id) => {
      const m = byId.get(id);
      return !m || m.unitId !== unitId || INACTIVE_MEMBER_STATUSES.includes(m.status);
    });
    if (wrong.length) {
      throw new DomainException('VALIDATION_FAILED', undefined, [
        { field: 'holderIds', message: '上岗党员必须是本单位在册党员' },
      ]);
    }
  }

  /**
   * A unique index refusing the write means a same-name active post (a doubled create, a rename onto another post's
   * name) or two edits racing on the holder list.
   */
  private async inTransaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.ds.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        // Both drivers name the column or index in the message (MySQL: key 'uq_model_posts_active_key').
        const sameName = error instanceof Error && error.message.includes('active_key');
        throw new DomainException('CONFLICT', sameName ? SAME_NAME : '示范岗正在被他人修改，请刷新后再试');
      }
      throw error;
    }
  }

  private async writeHolders(m: EntityManager, postId: string, holderIds: string[]): Promise<void> {
    const repo = m.getRepository(ModelPostHolderEntity);
    await repo.insert(holderIds.map((memberId) => repo.create({ postId, memberId })));
  }

  private async one(post: ModelPostEntity): Promise<ModelPostView> {
    const [view] = await this.views([post]);
    return view!;
  }

  /** Three or four queries however long the page is. */
  private async views(rows: ModelPostEntity[]): Promise<ModelPostView[]> {
    if (rows.length === 0) return [];
    const unitIds = [...new Set(rows.map((p) => p.unitId))];
    const communityIds = [...new Set(rows.flatMap((p) => (p.communityId ? [p.communityId] : [])))];
    const holders = await this.holders.find({ where: { postId: In(rows.map((p) => p.id)) }, order: { createdAt: 'ASC', id: 'ASC' } });
    const [units, communities, people] = await Promise.all([
      this.units.find({ where: { id: In(unitIds) }, select: { id: true, name: true } }),
      communityIds.length ? this.communities.find({ where: { id: In(communityIds) }, select: { id: true, name: true } }) : [],
      holders.length
        ? this.members.find({ where: { id: In([...new Set(holders.map((h) => h.memberId))]) }, select: { id: true, name: true } })
        : [],
    ]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const communityName = new Map(communities.map((c) => [c.id, c.name]));
    const personName = new Map(people.map((p) => [p.id, p.name]));
    return rows.map((p) =>
      mapModelPost(p, {
        unitName: unitName.get(p.unitId) ?? GONE,
        communityName: p.communityId ? (communityName.get(p.communityId) ?? null) : null,
        holders: holders
          .filter((h) => h.postId === p.id)
          .map((h) => ({ id: h.memberId, name: personName.get(h.memberId) ?? GONE })),
      }),
    );
  }
}
