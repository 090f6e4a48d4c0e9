import { Module } from '@nestjs/common';
import { ServicesModule } from '../services/services.module.js';
import { VisitsController } from './visits.controller.js';
import { VisitsService } from './visits.service.js';

/** 走访; today is the services module's server Clock. */
@Module({
  imports: [ServicesModule],
  controllers: [VisitsController],
  providers: [VisitsService],
})
export class VisitsModule {}
