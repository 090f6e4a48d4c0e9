import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, datetime, id, ref, timestamps } from '../migration-columns.js';

/** 党员示范岗 and their holders. Ended posts keep their row (ended_at), so a period's count can include them. */
export class DemoPosts1764630000000 implements MigrationInterface {
  name = 'DemoPosts1764630000000';

  async up(q: QueryRunner): Promise<void> {
    const fk = (column: string, table: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });
    await q.createTable(
      new Table({
        name: 'demo_posts',
        columns: [
          id(),
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'place', type: 'varchar', length: '200' },
          ref('unit_id'),
          ref('community_id', true),
          { name: 'active_key', type: 'varchar', length: '140', isNullable: true },
          ref('created_by'),
          { ...datetime(q, 'ended_at', false), isNullable: true },
          ref('ended_by', true),
          ...timestamps(q),
        ],
        foreignKeys: [fk('unit_id', 'units'), fk('community_id', 'communities'), fk('created_by', 'members'), fk('ended_by', 'members')],
        indices: [
          new TableIndex({ name: 'uq_demo_posts_active_key', columnNames: ['active_key'], isUnique: true }),
          new TableIndex({ name: 'idx_demo_posts_unit', columnNames: ['unit_id', 'created_at'] }),
          new TableIndex({ name: 'idx_demo_posts_community', columnNames: ['community_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'demo_post_holders',
        columns: [id(), ref('post_id'), ref('member_id'), createdAt(q)],
        foreignKeys: [fk('post_id', 'demo_posts'), fk('member_id', 'members')],
        indices: [
          new TableIndex({ name: 'uq_demo_post_holders_post_member', columnNames: ['post_id', 'member_id'], isUnique: true }),
          new TableIndex({ name: 'idx_demo_post_holders_member', columnNames: ['member_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('demo_post_holders');
    await q.dropTable('demo_posts');
  }
}
