import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { datetime, id, ref, timestamps } from '../migration-columns.js';

/** The in-app inbox, and the one-time WeChat subscribe-message acceptances people gave. */
export class Messages1764620000000 implements MigrationInterface {
  name = 'Messages1764620000000';

  async up(q: QueryRunner): Promise<void> {
    const memberFk = new TableForeignKey({ columnNames: ['member_id'], referencedTableName: 'members', referencedColumnNames: ['id'] });
    await q.createTable(
      new Table({
        name: 'messages',
        columns: [
          id(),
          ref('member_id'),
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'body', type: 'text' },
          { name: 'link', type: 'varchar', length: '255', isNullable: true },
          { ...datetime(q, 'read_at', false), isNullable: true },
          { name: 'push_state', type: 'varchar', length: '20', default: "'none'" },
          ...timestamps(q),
        ],
        foreignKeys: [memberFk],
        indices: [
          new TableIndex({ name: 'idx_messages_member_created', columnNames: ['member_id', 'created_at'] }),
          new TableIndex({ name: 'idx_messages_member_read', columnNames: ['member_id', 'read_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'subscribe_acceptances',
        columns: [
          id(),
          ref('member_id'),
          { name: 'template_id', type: 'varchar', length: '64' },
          { name: 'available', type: 'int', default: 0 },
          ...timestamps(q),
        ],
        foreignKeys: [memberFk.clone()],
        indices: [
          new TableIndex({
            name: 'uq_subscribe_acceptances_member_template',
            columnNames: ['member_id', 'template_id'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('subscribe_acceptances');
    await q.dropTable('messages');
  }
}
