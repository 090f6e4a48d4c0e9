import { Module } from '@nestjs/common';
import { ServicesModule } from '../services/services.module.js';
import { HouseholdsController } from './households.controller.js';
import { HouseholdsService } from './households.service.js';

/** 结对关爱; today is the services module's server Clock. */
@Module({
  imports: [ServicesModule],
  controllers: [HouseholdsController],
  providers: [HouseholdsService],
})
export class HouseholdsModule {}
