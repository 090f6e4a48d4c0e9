import { Module } from '@nestjs/common';
import { ServicesModule } from '../services/services.module.js';
import { CalendarDaysController } from './calendar-days.controller.js';
import { CalendarDaysService } from './calendar-days.service.js';
import { ProblemsController } from './problems.controller.js';
import { ProblemsService } from './problems.service.js';

/** 群众急难愁盼问题 and the district's working-day table; today is the services module's server Clock. */
@Module({
  imports: [ServicesModule],
  controllers: [ProblemsController, CalendarDaysController],
  providers: [ProblemsService, CalendarDaysService],
})
export class ProblemsModule {}
