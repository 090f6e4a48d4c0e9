import { Logger } from '@nestjs/common';
import { FakeWechatServer } from './fake-wechat-server.js';

/**
 * Runs the fake WeChat server alone, for manual use: `npm run fake-wechat -w backend` after a build.
 * The app id and secret default to the demo configuration's, so a demo backend pointed at it (WECHAT_API_BASE)
 * just works.
 */
async function main(): Promise<void> {
  const logger = new Logger('FakeWechat');
  const port = Number(process.env.FAKE_WECHAT_PORT ?? 4100);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('FAKE_WECHAT_PORT must be a port number');
  const host = process.env.FAKE_WECHAT_HOST ?? '127.0.0.1';
  const fake = new FakeWechatServer({
    appId: process.env.WECHAT_APP_ID ?? 'wx-demo-appid',
    appSecret: process.env.WECHAT_APP_SECRET ?? 'demo-secret',
  });
  const url = await fake.start(port, host);
  logger.log(`fake WeChat API listening on ${url}`);
  logger.log(`set WECHAT_API_BASE=${url}; issue login codes with POST ${url}/__fake/login-code {"openid":"…"}`);
  const shutdown = (): void => {
    void fake.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('fake WeChat server failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
