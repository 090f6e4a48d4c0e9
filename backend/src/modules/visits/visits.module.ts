import { Module } from '@nestjs/common';
import { Clock } from '../services/clock.js';
import { VisitsController } from './visits.controller.js';
import { VisitsService } from './visits.service.js';

@Module({
  controllers: [VisitsController],
  providers: [Clock, VisitsService],
})
export class VisitsModule {}
