import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AppConfig } from '../../config/configuration.js';

/**
 * Production always brings its own key (configuration refuses to start without one). The demo keeps a generated key
 * beside its SQLite file so that encrypted phone numbers stay readable across restarts; an in-memory database gets a
 * throwaway key.
 */
export function resolveDataKey(config: AppConfig): Buffer {
  if (config.security.dataKey) return config.security.dataKey;
  if (config.app.nodeEnv === 'production') throw new Error('DATA_ENCRYPTION_KEY is required in production');
  if (config.database.type !== 'sqlite' || config.database.path === ':memory:') return randomBytes(32);
  const keyFile = `${config.database.path}.key`;
  if (existsSync(keyFile)) {
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
    if (key.length === 32) return key;
  }
  const key = randomBytes(32);
  writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
  return key;
}
