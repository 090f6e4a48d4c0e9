import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatModule } from '../../wechat/wechat.module.js';
import { BranchEntity } from '../org/entities/branch.entity.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { RoleAssignmentEntity } from '../org/entities/role-assignment.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { RegistrationEntity } from '../registrations/entities/registration.entity.js';
import { ServicesModule } from '../services/services.module.js';
import { ServiceTransactions } from '../services/service-transactions.js';
import { ActivitiesController } from './activities.controller.js';
import { ActivitiesService } from './activities.service.js';
import { ActivityAccess } from './activity-access.service.js';
import { ActivityPublishingService } from './activity-publishing.service.js';
import { ActivityThemesController } from './activity-themes.controller.js';
import { ActivityThemesService } from './activity-themes.service.js';
import { ActivityEligibilityEntity } from './entities/activity-eligibility.entity.js';
import { ActivityThemeEntity } from './entities/activity-theme.entity.js';
import { ActivityEntity } from './entities/activity.entity.js';
import { SignupEntity } from './entities/signup.entity.js';

/** Publishing activities and community needs, themes, and the lists and detail members and publishers read. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ActivityEntity,
      ActivityEligibilityEntity,
      ActivityThemeEntity,
      SignupEntity,
      BranchEntity,
      UnitEntity,
      CommunityEntity,
      MemberEntity,
      RoleAssignmentEntity,
      RegistrationEntity,
    ]),
    WechatModule,
    // The one server clock (tests move it through app.get(Clock)).
    ServicesModule,
  ],
  controllers: [ActivityThemesController, ActivitiesController],
  providers: [ActivitiesService, ActivityPublishingService, ActivityThemesService, ActivityAccess, ServiceTransactions],
  exports: [ActivitiesService, ActivityAccess],
})
export class ActivitiesModule {}
