import { DataSource } from 'typeorm';
import { ConfigError } from '../config/config-error.js';
import { loadConfiguration, redactUrl } from '../config/configuration.js';
import { dataSourceOptions } from './data-source-options.js';

/** `npm run migrate -w backend [-- down]`: apply pending migrations, or revert the last one. */
async function main(): Promise<void> {
  const config = loadConfiguration();
  const ds = new DataSource(dataSourceOptions(config.database));
  await ds.initialize();
  try {
    const where = config.database.type === 'sqlite' ? config.database.path : redactUrl(config.database.url);
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
