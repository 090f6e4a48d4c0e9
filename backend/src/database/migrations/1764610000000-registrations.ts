import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { datetime, id, ref, timestamps } from '../migration-columns.js';

/** 报到关系: member ↔ community registrations, one active per member (a UNIQUE index on active_member_id). */
export class Registrations1764610000000 implements MigrationInterface {
  name = 'Registrations1764610000000';

  async up(q: QueryRunner): Promise<void> {
    const fk = (column: string, table: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });
    const nullableTime = (name: string) => ({ ...datetime(q, name, false), isNullable: true });
    await q.createTable(
      new Table({
        name: 'registrations',
        columns: [
          id(),
          ref('member_id'),
          ref('community_id'),
          { name: 'status', type: 'varchar', length: '20' },
          ref('active_member_id', true),
          { name: 'on_behalf', type: 'boolean' },
          { name: 'on_behalf_reason', type: 'varchar', length: '200', isNullable: true },
          ref('created_by'),
          ref('decided_by', true),
          nullableTime('decided_at'),
          { name: 'decision_reason', type: 'varchar', length: '200', isNullable: true },
          ref('ended_by', true),
          nullableTime('ended_at'),
          { name: 'end_reason', type: 'varchar', length: '200', isNullable: true },
          ...timestamps(q),
        ],
        foreignKeys: [
          fk('member_id', 'members'),
          fk('community_id', 'communities'),
          fk('created_by', 'members'),
          fk('decided_by', 'members'),
          fk('ended_by', 'members'),
        ],
        indices: [
          new TableIndex({ name: 'uq_registrations_active_member', columnNames: ['active_member_id'], isUnique: true }),
          new TableIndex({ name: 'idx_registrations_member', columnNames: ['member_id', 'created_at'] }),
          new TableIndex({ name: 'idx_registrations_community', columnNames: ['community_id', 'status', 'created_at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('registrations');
  }
}
