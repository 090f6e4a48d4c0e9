import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/** Stored responses of write requests, so a retried request replays instead of writing twice. */
export class IdempotencyKeys1764000090000 implements MigrationInterface {
  name = 'IdempotencyKeys1764000090000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = ['mysql', 'mariadb'].includes(q.connection.driver.options.type);
    await q.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { name: 'scoped_key', type: 'varchar', length: '191', isPrimary: true },
          { name: 'method', type: 'varchar', length: '10' },
          { name: 'path', type: 'varchar', length: '191' },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'response_status', type: 'int', isNullable: true },
          // A roster import's report can pass MySQL's 64 KB TEXT limit.
          { name: 'response_body', type: mysql ? 'mediumtext' : 'text', isNullable: true },
          { name: 'created_at', type: 'bigint' },
          { name: 'expires_at', type: 'bigint' },
        ],
        indices: [new TableIndex({ name: 'idx_idempotency_keys_expires', columnNames: ['expires_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('idempotency_keys');
  }
}
