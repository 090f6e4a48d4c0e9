import { DataSource } from 'typeorm';
import { ConfigError } from '../config/config-error.js';
import { DEFAULT_SQLITE, parseDatabaseUrl, redactUrl } from '../config/configuration.js';
import { readString } from '../config/env-readers.js';
import { repoRoot } from '../config/repo-root.js';
import { dataSourceOptions } from './data-source-options.js';

/** `npm run migrate -w backend [-- down]`: apply pending migrations, or revert the last one. */
async function main(): Promise<void> {
  // Only the database matters here: migrating needs none of the secrets the server insists on.
  const database = parseDatabaseUrl(readString(process.env, 'DATABASE_URL', DEFAULT_SQLITE)!, repoRoot());
  const ds = new DataSource(dataSourceOptions(database));
  await ds.initialize();
  try {
    const where = database.type === 'sqlite' ? database.path : redactUrl(database.url);
    if (process.argv[2] === 'down') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log(`reverted the last migration on ${where}`);
    } else {
      const done = await ds.runMigrations({ transaction: 'each' });
      console.log(done.length ? `applied ${done.map((m) => m.name).join(', ')} on ${where}` : `up to date: ${where}`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
