import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SharedCacheEntity } from '../../common/shared-cache/shared-cache.entity.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { RegistrationsModule } from '../registrations/registrations.module.js';
import { AutoCloseService } from './auto-close.service.js';
import { CheckinCodeService } from './checkin-code.service.js';
import { CheckinController } from './checkin.controller.js';
import { Clock } from './clock.js';
import { CheckinCodeUseEntity } from './entities/checkin-code-use.entity.js';
import { ServiceRecordFlagEntity } from './entities/service-record-flag.entity.js';
import { ServiceRecordEntity } from './entities/service-record.entity.js';
import { ServiceCorrectionsService } from './service-corrections.service.js';
import { ServiceRecordViews } from './service-record-views.service.js';
import { ServiceReviewService } from './service-review.service.js';
import { ServiceTransactions } from './service-transactions.js';
import { ServicesController } from './services.controller.js';
import { ServiceRecordsService } from './services.service.js';
import { SuspicionService } from './suspicion.service.js';

/** 报到服务: rotating check-in codes, members' visits, the worker's queue and decisions, 补录, auto-close and flags. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ServiceRecordEntity,
      ServiceRecordFlagEntity,
      CheckinCodeUseEntity,
      CommunityEntity,
      MemberEntity,
      SharedCacheEntity,
    ]),
    RegistrationsModule,
  ],
  controllers: [CheckinController, ServicesController],
  providers: [
    Clock,
    ServiceTransactions,
    CheckinCodeService,
    SuspicionService,
    ServiceRecordViews,
    ServiceRecordsService,
    ServiceReviewService,
    ServiceCorrectionsService,
    AutoCloseService,
  ],
  exports: [ServiceRecordsService, AutoCloseService, CheckinCodeService, Clock, ServiceTransactions],
})
export class ServicesModule {}
