import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { ServicesModule } from '../services/services.module.js';
import { ServiceTransactions } from '../services/service-transactions.js';
import { MySignupsController, SignupsController } from './signups.controller.js';
import { SignupsService } from './signups.service.js';

/** 活动报名: sign-up, waitlist and promotion, on-behalf sign-up, the lists. */
@Module({
  imports: [ServicesModule, ActivitiesModule],
  controllers: [SignupsController, MySignupsController],
  providers: [ServiceTransactions, SignupsService],
  exports: [SignupsService],
})
export class SignupsModule {}
