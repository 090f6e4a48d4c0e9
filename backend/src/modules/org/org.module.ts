import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogEntity } from '../audit/audit-log.entity.js';
import { RegistrationsModule } from '../registrations/registrations.module.js';
import { CommunitiesController } from './communities.controller.js';
import { CommunitiesService } from './communities.service.js';
import { BranchEntity } from './entities/branch.entity.js';
import { CommunityEntity } from './entities/community.entity.js';
import { MemberStatusChangeEntity } from './entities/member-status-change.entity.js';
import { MemberTransferEntity } from './entities/member-transfer.entity.js';
import { MemberEntity } from './entities/member.entity.js';
import { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import { StreetEntity } from './entities/street.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { HandoverService } from './handover.service.js';
import { MemberAccessService } from './member-access.service.js';
import { MemberMovesController } from './member-moves.controller.js';
import { MemberMovesService } from './member-moves.service.js';
import { MemberRolesController } from './member-roles.controller.js';
import { MemberViewsService } from './member-views.service.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { PublicController } from './public.controller.js';
import { PublicService } from './public.service.js';
import { RolesService } from './roles.service.js';
import { ScopeNamesService } from './scope-names.service.js';
import { StreetsController } from './streets.controller.js';
import { StreetsService } from './streets.service.js';
import { UnitsController } from './units.controller.js';
import { UnitsService } from './units.service.js';
import { WorkersController } from './workers.controller.js';

const ORG_ENTITIES = [
  StreetEntity,
  CommunityEntity,
  UnitEntity,
  BranchEntity,
  MemberEntity,
  RoleAssignmentEntity,
  MemberTransferEntity,
  MemberStatusChangeEntity,
];

@Module({
  // The audit log is read here (member history) and written through the global AuditService.
  // Registrations answer whether a worker serves a member (full phone for the worker).
  imports: [TypeOrmModule.forFeature([...ORG_ENTITIES, AuditLogEntity]), RegistrationsModule],
  controllers: [
    PublicController,
    UnitsController,
    StreetsController,
    CommunitiesController,
    MembersController,
    MemberRolesController,
    MemberMovesController,
    WorkersController,
  ],
  providers: [
    PublicService,
    UnitsService,
    StreetsService,
    CommunitiesService,
    ScopeNamesService,
    MemberAccessService,
    MemberViewsService,
    MembersService,
    RolesService,
    MemberMovesService,
    HandoverService,
  ],
  // Roster import applies confirmed transfers through MemberMovesService; later features add handover steps.
  exports: [TypeOrmModule, MemberAccessService, MemberViewsService, MemberMovesService, HandoverService, ScopeNamesService],
})
export class OrgModule {}
