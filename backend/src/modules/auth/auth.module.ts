import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';

@Module({ imports: [OrgModule], controllers: [AuthController], providers: [AuthService], exports: [AuthService] })
export class AuthModule {}
