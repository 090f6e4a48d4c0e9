import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityEntity } from '../activities/entities/activity.entity.js';
import { ReminderDeliveryEntity } from '../activities/entities/reminder-delivery.entity.js';
import { SignupEntity } from '../activities/entities/signup.entity.js';
import { Clock } from '../services/clock.js';
import { ServiceTransactions } from '../services/service-transactions.js';
import { ActivitySchedulerService } from './activity-scheduler.service.js';

/** Activity reminders and finishing, run by every instance on a timer (config.activities.schedulerSeconds). */
@Module({
  imports: [TypeOrmModule.forFeature([ActivityEntity, SignupEntity, ReminderDeliveryEntity])],
  providers: [Clock, ServiceTransactions, ActivitySchedulerService],
  exports: [ActivitySchedulerService],
})
export class RemindersModule {}
