import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopeService } from './scope.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { MemberEntity } from './entities/member.entity.js';

/**
 * Who may look at or act on one member: the admin (any member), an organizer whose branch/unit/district covers the
 * member, and for some reads the member themself. Every member endpoint goes through here.
 */
@Injectable()
export class MemberAccessService {
  constructor(
    private readonly scope: ScopeService,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
  ) {}

  async canManage(user: AuthUser, member: MemberEntity): Promise<boolean> {
    return this.scope.isAdmin(user) || (await this.scope.organizerCovers(user, member));
  }

  async find(id: string): Promise<MemberEntity> {
    const member = await this.members.findOne({ where: { id } });
    if (!member) throw new DomainException('NOT_FOUND', '该党员不存在');
    return member;
  }

  /** A member outside the caller's reach reads as not found, so ids cannot be probed for existence. */
  async findVisible(user: AuthUser, id: string, allowSelf = false): Promise<MemberEntity> {
    const member = await this.find(id);
    if (allowSelf && member.id === user.memberId) return member;
    if (!(await this.canManage(user, member))) throw new DomainException('NOT_FOUND', '该党员不存在');
    return member;
  }

  /** For changes: a member outside the caller's reach is refused with 403. */
  async findManaged(user: AuthUser, id: string): Promise<MemberEntity> {
    const member = await this.find(id);
    if (!(await this.canManage(user, member))) throw new DomainException('FORBIDDEN', '该党员不在您的管理范围内');
    await this.scope.assertOutranks(user, member);
    return member;
  }
}
