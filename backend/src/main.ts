import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigError } from './config/config-error.js';
import { type AppConfig, loadConfiguration, redactUrl } from './config/configuration.js';
import { ensureMysqlDatabase } from './database/ensure-database.js';
import { prepareDatabase } from './database/prepare-database.js';
import { FakeWechatServer } from './wechat/fake/fake-wechat-server.js';

function readConfig(): AppConfig {
  try {
    return loadConfiguration();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const config = readConfig();
  const logger = new Logger('Bootstrap');
  if (config.app.demo && !config.wechat.apiBase) {
    // Demo mode talks to a local fake of WeChat's server API over real HTTP, exactly as production talks to WeChat.
    const fake = new FakeWechatServer({ appId: config.wechat.appId, appSecret: config.wechat.appSecret });
    config.wechat.apiBase = await fake.start(0, '127.0.0.1');
  }
  if (config.app.nodeEnv !== 'production') await ensureMysqlDatabase(config.database);
  const app = await createApp(config);
  const { migrated, seeded } = await prepareDatabase(app, config);
  await app.listen({ port: config.app.port, host: config.app.host });
  const where = config.database.type === 'sqlite' ? `sqlite:${config.database.path}` : redactUrl(config.database.url);
  if (migrated.length) logger.log(`applied migrations: ${migrated.join(', ')}`);
  if (seeded) logger.log('seeded the demo district');
  logger.log(
    `Pioneer listening on http://${config.app.host}:${config.app.port} (${config.app.demo ? 'demo mode, ' : ''}${where})`,
  );
}

bootstrap().catch((error: unknown) => {
  console.error('Pioneer failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
