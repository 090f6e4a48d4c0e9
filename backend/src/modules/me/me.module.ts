import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module.js';
import { MeController } from './me.controller.js';
import { MeService } from './me.service.js';

@Module({ imports: [OrgModule], controllers: [MeController], providers: [MeService] })
export class MeModule {}
