import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { DataSource, IsNull, Not } from 'typeorm';
import { ConfigError } from '../config/config-error.js';
import type { AppConfig } from '../config/configuration.js';
import { dataSourceOptions } from './data-source-options.js';
import { MemberEntity } from '../modules/org/entities/member.entity.js';
import { PiiCrypto } from '../common/crypto/pii-crypto.service.js';
import { StartupSecretEntity } from './startup-secret.entity.js';

const KEY_CHECK = 'data_key_check';
const DEMO_DATA_KEY = 'demo_data_key';
const DEMO_JWT_SECRET = 'demo_jwt_secret';
const DEMO_CHECKIN_SECRET = 'demo_checkin_code_secret';

/** A keyed fingerprint of the data key: reveals nothing about it, and tells at once whether a key is the right one. */
function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update('pioneer/data-key-check/v1').digest('hex');
}

const WRONG_KEY =
  'does not match the key the personal data in this database was encrypted with; start with the key used before ' +
  '(or, for a throwaway demo database, drop it and start again)';

/**
 * Runs before the application is built, on the database itself: applies pending migrations, then settles the secrets.
 * Demo mode generates what is not configured and keeps it in the database (insert-if-absent), so a restart or a second
 * instance uses the same data key and accepts the same tokens and check-in codes. In every mode the data key is checked
 * against the fingerprint stored at first start, so a wrong key stops the start instead of answering 500s later.
 * Fills the settled secrets into `config` and returns the migrations it applied.
 */
export async function settleStartupSecrets(config: AppConfig): Promise<string[]> {
  if (config.database.type === 'sqlite' && config.database.path === ':memory:') {
    // A private in-memory database lives and dies with this process: nothing to share, nothing to check against.
    config.auth.jwtSecret ??= randomBytes(48).toString('hex');
    config.checkin.codeSecret ||= randomBytes(32).toString('hex');
    config.security.dataKey ??= randomBytes(32);
    return [];
  }
  const ds = await new DataSource(dataSourceOptions(config.database)).initialize();
  try {
    const migrated = (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
    const secrets = ds.getRepository(StartupSecretEntity);
    const shared = async (name: string, candidate: string): Promise<string> => {
      await secrets.createQueryBuilder().insert().values({ name, value: candidate }).orIgnore().execute();
      return (await secrets.findOneByOrFail({ name })).value;
    };
    if (config.app.demo) {
      config.auth.jwtSecret ??= await shared(DEMO_JWT_SECRET, randomBytes(48).toString('hex'));
      config.checkin.codeSecret ||= await shared(DEMO_CHECKIN_SECRET, randomBytes(32).toString('hex'));
      config.security.dataKey ??= Buffer.from(await shared(DEMO_DATA_KEY, legacyDemoKey(config) ?? randomBytes(32).toString('hex')), 'hex');
    }
    const key = config.security.dataKey;
    if (!key) throw new ConfigError('DATA_ENCRYPTION_KEY', 'is required unless DEMO_MODE=true');
    const stored = await secrets.findOneBy({ name: KEY_CHECK });
    if (!stored) await assertReadsExistingRows(ds, key);
    if ((await shared(KEY_CHECK, keyCheck(key))) !== keyCheck(key)) throw new ConfigError('DATA_ENCRYPTION_KEY', WRONG_KEY);
    return migrated;
  } finally {
    await ds.destroy();
  }
}

/** A database from before the key check: one encrypted phone number tells whether the key is the one it was written with. */
async function assertReadsExistingRows(ds: DataSource, key: Buffer): Promise<void> {
  const sample = await ds.getRepository(MemberEntity).findOne({ where: { phoneCipher: Not(IsNull()) }, select: { id: true, phoneCipher: true } });
  if (!sample?.phoneCipher) return;
  try {
    new PiiCrypto(key).decrypt(sample.phoneCipher);
  } catch {
    throw new ConfigError('DATA_ENCRYPTION_KEY', WRONG_KEY);
  }
}

/** Demo databases on SQLite used to keep their key in a file beside them; it is adopted so their rows stay readable. */
function legacyDemoKey(config: AppConfig): string | undefined {
  if (config.database.type !== 'sqlite') return undefined;
  const keyFile = `${config.database.path}.key`;
  if (!existsSync(keyFile)) return undefined;
  const hex = readFileSync(keyFile, 'utf8').trim();
  return /^[0-9a-fA-F]{64}$/.test(hex) ? hex : undefined;
}
