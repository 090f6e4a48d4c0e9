import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, id, ref } from '../migration-columns.js';

/**
 * People move: unit transfers and status changes as append-only history, plus the audit-log indexes the admin's
 * audit search and each member's history read by (target, actor, action).
 */
export class OrgMoves1764000110000 implements MigrationInterface {
  name = 'OrgMoves1764000110000';

  async up(q: QueryRunner): Promise<void> {
    const fk = (column: string, table: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });

    await q.createTable(
      new Table({
        name: 'member_transfers',
        columns: [
          id(),
          ref('member_id'),
          ref('from_unit_id'),
          { name: 'from_unit_name', type: 'varchar', length: '100' },
          // Branches carry no foreign key: a dissolved branch must not erase or block the history that names it.
          ref('from_branch_id', true),
          { name: 'from_branch_name', type: 'varchar', length: '100', isNullable: true },
          ref('to_unit_id'),
          { name: 'to_unit_name', type: 'varchar', length: '100' },
          ref('to_branch_id', true),
          { name: 'to_branch_name', type: 'varchar', length: '100', isNullable: true },
          { name: 'reason', type: 'varchar', length: '200' },
          ref('actor_id', true),
          createdAt(q),
        ],
        foreignKeys: [fk('member_id', 'members'), fk('from_unit_id', 'units'), fk('to_unit_id', 'units')],
        indices: [new TableIndex({ name: 'idx_member_transfers_member', columnNames: ['member_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'member_status_changes',
        columns: [
          id(),
          ref('member_id'),
          { name: 'from_status', type: 'varchar', length: '20' },
          { name: 'to_status', type: 'varchar', length: '20' },
          { name: 'reason', type: 'varchar', length: '200' },
          ref('actor_id', true),
          createdAt(q),
        ],
        foreignKeys: [fk('member_id', 'members')],
        indices: [new TableIndex({ name: 'idx_member_status_changes_member', columnNames: ['member_id'] })],
      }),
    );
    await q.createIndex('audit_logs', new TableIndex({ name: 'idx_audit_logs_target', columnNames: ['target_id'] }));
    await q.createIndex('audit_logs', new TableIndex({ name: 'idx_audit_logs_actor', columnNames: ['actor_id'] }));
    await q.createIndex('audit_logs', new TableIndex({ name: 'idx_audit_logs_action', columnNames: ['action', 'created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['idx_audit_logs_action', 'idx_audit_logs_actor', 'idx_audit_logs_target']) {
      await q.dropIndex('audit_logs', index);
    }
    await q.dropTable('member_status_changes');
    await q.dropTable('member_transfers');
  }
}
