import { Module, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/configuration.js';
import { WechatModule } from '../../wechat/wechat.module.js';
import { OrgModule } from '../org/org.module.js';
import { registerAuthIpLimits } from './auth-throttle.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { BindTicketService } from './bind-ticket.service.js';
import { ConsoleLoginController } from './console-login.controller.js';
import { ConsoleLoginService } from './console-login.service.js';
import { AuthRateCounterEntity } from './entities/auth-rate-counter.entity.js';
import { ConsoleTicketEntity } from './entities/console-ticket.entity.js';
import { InviteCodeEntity } from './entities/invite-code.entity.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import { MemberBindingController } from './member-binding.controller.js';
import { MemberBindingService } from './member-binding.service.js';
import { OpenidRateLimitService } from './openid-rate-limit.service.js';
import { SessionService } from './session.service.js';
import { WechatAuthService } from './wechat-auth.service.js';

@Module({
  imports: [
    OrgModule,
    WechatModule,
    TypeOrmModule.forFeature([RefreshTokenEntity, InviteCodeEntity, ConsoleTicketEntity, AuthRateCounterEntity]),
  ],
  controllers: [AuthController, ConsoleLoginController, MemberBindingController],
  providers: [
    AuthService,
    SessionService,
    WechatAuthService,
    BindTicketService,
    OpenidRateLimitService,
    MemberBindingService,
    ConsoleLoginService,
  ],
  exports: [AuthService, SessionService],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const auth = this.config.getOrThrow('auth', { infer: true });
    registerAuthIpLimits(this.adapterHost.httpAdapter.getInstance<object>(), {
      perMinute: auth.rateLimitPerMinute,
      pollPerMinute: auth.pollRateLimitPerMinute,
    });
  }
}
