import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/configuration.js';
import { WechatClient } from './wechat-client.js';
import { WECHAT_OPTIONS, type WechatClientOptions } from './wechat-options.js';

/**
 * Provides the one WeChat adapter. Needs the global ConfigService (AppConfig) and SharedCacheService.
 * The `wechat` section is read when the client is created, so demo bootstrap must fill `apiBase` (the fake's URL)
 * before that.
 */
@Module({
  providers: [
    {
      provide: WECHAT_OPTIONS,
      inject: [ConfigService],
      // A copy, so later changes to the config object cannot change a running client halfway.
      useFactory: (config: ConfigService<AppConfig, true>): WechatClientOptions => ({
        ...config.getOrThrow('wechat', { infer: true }),
      }),
    },
    WechatClient,
  ],
  exports: [WechatClient],
})
export class WechatModule {}
