import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { datetime, id, ref, timestamps } from '../migration-columns.js';

/** Sessions (rotating refresh tokens), invite codes, console sign-in tickets and shared per-account rate counters. */
export class AuthSessions1764000300000 implements MigrationInterface {
  name = 'AuthSessions1764000300000';

  async up(q: QueryRunner): Promise<void> {
    const nullableDatetime = (name: string) => ({ ...datetime(q, name, false), isNullable: true });
    const memberFk = (column: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: 'members', referencedColumnNames: ['id'] });

    await q.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          id(),
          ref('family_id'),
          ref('member_id'),
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          datetime(q, 'family_started_at', false),
          datetime(q, 'issued_at', false),
          { name: 'used', type: 'boolean' },
        ],
        foreignKeys: [memberFk('member_id')],
        indices: [
          new TableIndex({ name: 'idx_refresh_tokens_family', columnNames: ['family_id'] }),
          new TableIndex({ name: 'idx_refresh_tokens_member', columnNames: ['member_id'] }),
          new TableIndex({ name: 'idx_refresh_tokens_started', columnNames: ['family_started_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'invite_codes',
        columns: [
          id(),
          ref('member_id'),
          { name: 'code_hash', type: 'varchar', length: '64', isUnique: true },
          datetime(q, 'expires_at', false),
          nullableDatetime('used_at'),
          ref('created_by', true),
          ...timestamps(q),
        ],
        foreignKeys: [memberFk('member_id')],
        indices: [new TableIndex({ name: 'idx_invite_codes_member', columnNames: ['member_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'console_tickets',
        columns: [
          id(),
          { name: 'scan_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'poll_secret_hash', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '20' },
          ref('member_id', true),
          datetime(q, 'expires_at', false),
          ...timestamps(q),
        ],
        foreignKeys: [memberFk('member_id')],
        indices: [new TableIndex({ name: 'idx_console_tickets_expires', columnNames: ['expires_at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'auth_rate_counters',
        columns: [
          { name: 'bucket_key', type: 'varchar', length: '191', isPrimary: true },
          { name: 'hits', type: 'int' },
          { name: 'window_ends_at', type: 'bigint' },
        ],
        indices: [new TableIndex({ name: 'idx_auth_rate_counters_window', columnNames: ['window_ends_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['auth_rate_counters', 'console_tickets', 'invite_codes', 'refresh_tokens']) {
      await q.dropTable(table);
    }
  }
}
