import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module.js';
import { RosterController } from './roster.controller.js';
import { RosterService } from './roster.service.js';
import { RosterUploadInterceptor } from './upload/roster-upload.js';

@Module({ imports: [OrgModule], controllers: [RosterController], providers: [RosterService, RosterUploadInterceptor] })
export class RosterModule {}
