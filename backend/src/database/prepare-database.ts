import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PiiCrypto } from '../common/crypto/pii-crypto.service.js';
import type { AppConfig } from '../config/configuration.js';
import { STARTUP_MIGRATIONS } from './startup-migrations.js';
import { isEmpty, seedDemo } from './seeds/demo-seed.js';

/** Brings the schema up to date at start, then seeds the demo district into an empty database in demo mode. */
export async function prepareDatabase(app: NestFastifyApplication, config: AppConfig): Promise<{ migrated: string[]; seeded: boolean }> {
  const ds = app.get<DataSource>(getDataSourceToken());
  // Usually already applied while the start-up secrets were settled, before the application was built.
  const migrated = [...app.get<string[]>(STARTUP_MIGRATIONS), ...(await ds.runMigrations({ transaction: 'each' })).map((m) => m.name)];
  let seeded = false;
  if (config.app.demo && (await isEmpty(ds))) {
    await seedDemo(ds, app.get(PiiCrypto));
    seeded = true;
  }
  return { migrated, seeded };
}
