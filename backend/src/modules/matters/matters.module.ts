import { Module } from '@nestjs/common';
import { ServicesModule } from '../services/services.module.js';
import { MattersController } from './matters.controller.js';
import { MattersService } from './matters.service.js';

/** 实事; today is the services module's server Clock. */
@Module({
  imports: [ServicesModule],
  controllers: [MattersController],
  providers: [MattersService],
})
export class MattersModule {}
