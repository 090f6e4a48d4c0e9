import { type DataSource, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { MemberRef, ScopeService } from '../org/scope.service.js';
import { RegistrationEntity } from './entities/registration.entity.js';

/**
 * Who may record something on a member's behalf (a visit, a resident's problem, a paired household): an organizer
 * covering the member, or a worker of the community the member is registered with. Anyone else gets FORBIDDEN, also
 * for a member who does not exist, so an id outside one's reach says nothing about who exists.
 */
export async function assertMayRecordFor(
  ds: DataSource,
  scope: ScopeService,
  user: AuthUser,
  member: MemberRef | null,
): Promise<void> {
  if (member && user.roles.some((r) => r.role === 'organizer') && (await scope.organizerCovers(user, member))) return;
  const communityIds = await scope.workerCommunityIds(user);
  if (member && communityIds.length > 0) {
    const registered = await ds
      .getRepository(RegistrationEntity)
      .countBy({ memberId: member.id, status: 'approved', communityId: In(communityIds) });
    if (registered > 0) return;
  }
  throw new DomainException('FORBIDDEN', '该党员不在您的管理范围内');
}
