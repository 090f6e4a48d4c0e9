import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { StreetEntity } from '../org/entities/street.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { RegistrationEntity } from './entities/registration.entity.js';
import { RegistrationViewsService } from './registration-views.service.js';
import { RegistrationsController } from './registrations.controller.js';
import { RegistrationsService } from './registrations.service.js';

/** Exports RegistrationsService: check-in needs a member's approved community, workers' queues their members. */
@Module({
  imports: [TypeOrmModule.forFeature([RegistrationEntity, MemberEntity, CommunityEntity, StreetEntity, UnitEntity])],
  controllers: [RegistrationsController],
  providers: [RegistrationsService, RegistrationViewsService],
  exports: [RegistrationsService],
})
export class RegistrationsModule {}
