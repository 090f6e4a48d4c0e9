import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createApp } from '../../src/app.factory.js';
import type { AppModuleOptions } from '../../src/app.module.js';
import { type AppConfig, loadConfiguration } from '../../src/config/configuration.js';
import { repoRoot } from '../../src/config/repo-root.js';
import { prepareDatabase } from '../../src/database/prepare-database.js';
import { FakeWechatServer } from '../../src/wechat/fake/fake-wechat-server.js';
import { createTestDatabase, type Driver, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 — tests go through real HTTP. */
  baseUrl: string;
  db: TestDatabase;
  wechat: FakeWechatServer;
  wechatUrl: string;
  close(): Promise<void>;
}

/**
 * The app's real log, kept per test file, so a scan after the suite can prove that no phone number, openid or token
 * reached a log line. One file, not one per app: nestjs-pino keeps the first logger of a process (a jest test file)
 * for every later app. TEST_LOG_DIR moves the folder.
 */
let logStarted = false;
function logFile(): string {
  const dir = process.env.TEST_LOG_DIR ?? join(repoRoot(), 'artifacts', 'logs');
  const file = join(dir, `${basename(expect.getState().testPath ?? 'unknown-test').replace(/\.e2e-spec\.ts$/, '')}.log`);
  // A rerun of the file starts its log afresh (jest loads this module anew for every test file).
  if (!logStarted) rmSync(file, { force: true });
  logStarted = true;
  return file;
}

/** A second instance of the backend: the database (and, if given, the fake WeChat) of an app already started. */
export interface SharedWith {
  db: TestDatabase;
  wechat?: FakeWechatServer;
}

/**
 * The whole application on its own fresh database, listening on an ephemeral loopback port, with a fake WeChat.
 * `imports` mounts test-only modules (probes) beside the product's. With `shared`, another instance on the database
 * of an app already running (as two backend processes share one in production); its close() leaves the database and
 * a shared fake WeChat to their owner.
 */
export async function startTestApp(
  driver: Driver,
  env: Record<string, string> = {},
  imports: AppModuleOptions['imports'] = [],
  shared?: SharedWith,
): Promise<TestApp> {
  const db = shared?.db ?? (await createTestDatabase(driver));
  const config = loadConfiguration({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DEMO_MODE: 'true',
    LOG_LEVEL: 'info',
    LOG_FILE: logFile(),
    PORT: '0',
    H5_DIR: '/nonexistent-h5-build',
    // The activity scheduler's rounds are run explicitly (ActivitySchedulerService.runOnce) where a test needs one, so
    // no timer round finishes or reminds anything behind another test's back.
    ACTIVITY_SCHEDULER_SECONDS: '3600',
    ...env,
  });
  const wechat = shared?.wechat ?? new FakeWechatServer({ appId: config.wechat.appId, appSecret: config.wechat.appSecret });
  const wechatUrl = shared?.wechat?.baseUrl ?? (await wechat.start(0, '127.0.0.1'));
  config.wechat.apiBase = wechatUrl;
  const app = await createApp(config, { imports });
  await prepareDatabase(app, { ...config, app: { ...config.app, demo: true } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('no listening address');
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${address.port}`,
    db,
    wechat,
    wechatUrl,
    close: async () => {
      await app.close();
      if (!shared?.wechat) await wechat.stop();
      if (!shared) await db.drop();
    },
  };
}
