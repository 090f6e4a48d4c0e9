import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** What every instance on one database must agree on at start: the data key's check, and the demo's generated secrets. */
export class StartupSecrets1764800000000 implements MigrationInterface {
  name = 'StartupSecrets1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'startup_secrets',
        columns: [
          { name: 'name', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'varchar', length: '200' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('startup_secrets');
  }
}
