import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityEntity } from '../activities/entities/activity.entity.js';
import { ReminderDeliveryEntity } from '../activities/entities/reminder-delivery.entity.js';
import { SignupEntity } from '../activities/entities/signup.entity.js';
import { ServicesModule } from '../services/services.module.js';
import { ServiceTransactions } from '../services/service-transactions.js';
import { ActivitySchedulerService } from './activity-scheduler.service.js';

/** Activity reminders and finishing, run by every instance on a timer (config.activities.schedulerSeconds). */
@Module({
  // The one server Clock of the app (the services module's), so a test that moves time moves it for the scheduler too.
  imports: [TypeOrmModule.forFeature([ActivityEntity, SignupEntity, ReminderDeliveryEntity]), ServicesModule],
  providers: [ServiceTransactions, ActivitySchedulerService],
  exports: [ActivitySchedulerService],
})
export class RemindersModule {}
