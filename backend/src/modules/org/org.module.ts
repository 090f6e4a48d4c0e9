import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BranchEntity } from './entities/branch.entity.js';
import { CommunityEntity } from './entities/community.entity.js';
import { MemberEntity } from './entities/member.entity.js';
import { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import { StreetEntity } from './entities/street.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { PublicController } from './public.controller.js';
import { PublicService } from './public.service.js';

const ORG_ENTITIES = [StreetEntity, CommunityEntity, UnitEntity, BranchEntity, MemberEntity, RoleAssignmentEntity];

@Module({
  imports: [TypeOrmModule.forFeature(ORG_ENTITIES)],
  controllers: [PublicController],
  providers: [PublicService],
  exports: [TypeOrmModule],
})
export class OrgModule {}
