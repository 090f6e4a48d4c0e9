import { SharedCacheEntity } from '../common/shared-cache/shared-cache.entity.js';
import { AuditLogEntity } from '../modules/audit/audit-log.entity.js';
import { BranchEntity } from '../modules/org/entities/branch.entity.js';
import { CommunityEntity } from '../modules/org/entities/community.entity.js';
import { MemberEntity } from '../modules/org/entities/member.entity.js';
import { RoleAssignmentEntity } from '../modules/org/entities/role-assignment.entity.js';
import { StreetEntity } from '../modules/org/entities/street.entity.js';
import { UnitEntity } from '../modules/org/entities/unit.entity.js';

export const ENTITIES = [
  StreetEntity,
  CommunityEntity,
  UnitEntity,
  BranchEntity,
  MemberEntity,
  RoleAssignmentEntity,
  AuditLogEntity,
  SharedCacheEntity,
];
