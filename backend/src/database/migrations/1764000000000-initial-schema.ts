import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, id, ref, timestamps } from '../migration-columns.js';

/** Organization, people and roles, the audit log and the shared cache: what every later feature hangs on. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'streets',
        columns: [id(), { name: 'name', type: 'varchar', length: '100' }, ...timestamps(q)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'communities',
        columns: [
          id(),
          { name: 'name', type: 'varchar', length: '100' },
          ref('street_id'),
          { name: 'address', type: 'varchar', length: '200' },
          { name: 'lat', type: 'decimal', precision: 10, scale: 7 },
          { name: 'lng', type: 'decimal', precision: 10, scale: 7 },
          { name: 'geofence_radius_m', type: 'int', default: 300 },
          ...timestamps(q),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['street_id'], referencedTableName: 'streets', referencedColumnNames: ['id'] }),
        ],
        indices: [new TableIndex({ name: 'idx_communities_street', columnNames: ['street_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'units',
        columns: [
          id(),
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'code', type: 'varchar', length: '40', isUnique: true },
          { name: 'brand_name', type: 'varchar', length: '100', isNullable: true },
          { name: 'brand_intro', type: 'text', isNullable: true },
          ...timestamps(q),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'branches',
        columns: [id(), ref('unit_id'), { name: 'name', type: 'varchar', length: '100' }, ...timestamps(q)],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['unit_id'], referencedTableName: 'units', referencedColumnNames: ['id'] }),
        ],
        indices: [new TableIndex({ name: 'idx_branches_unit', columnNames: ['unit_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'members',
        columns: [
          id(),
          { name: 'name', type: 'varchar', length: '50' },
          { name: 'phone_cipher', type: 'varchar', length: '255', isNullable: true },
          { name: 'phone_hash', type: 'varchar', length: '64', isNullable: true, isUnique: true },
          ref('unit_id'),
          ref('branch_id', true),
          { name: 'status', type: 'varchar', length: '20', default: "'invited'" },
          { name: 'openid', type: 'varchar', length: '64', isNullable: true, isUnique: true },
          { name: 'unionid', type: 'varchar', length: '64', isNullable: true },
          ...timestamps(q),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['unit_id'], referencedTableName: 'units', referencedColumnNames: ['id'] }),
          new TableForeignKey({ columnNames: ['branch_id'], referencedTableName: 'branches', referencedColumnNames: ['id'] }),
        ],
        indices: [new TableIndex({ name: 'idx_members_unit', columnNames: ['unit_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'role_assignments',
        columns: [
          id(),
          ref('member_id'),
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'scope_kind', type: 'varchar', length: '20' },
          ref('scope_id', true),
          ...timestamps(q),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['member_id'], referencedTableName: 'members', referencedColumnNames: ['id'] }),
        ],
        indices: [new TableIndex({ name: 'idx_role_assignments_member', columnNames: ['member_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_logs',
        columns: [
          id(),
          ref('actor_id', true),
          { name: 'action', type: 'varchar', length: '60' },
          { name: 'target_type', type: 'varchar', length: '40', isNullable: true },
          ref('target_id', true),
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          { name: 'result', type: 'varchar', length: '20' },
          { name: 'detail', type: 'text', isNullable: true },
          createdAt(q),
        ],
        indices: [new TableIndex({ name: 'idx_audit_logs_created', columnNames: ['created_at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'shared_cache',
        columns: [
          { name: 'cache_key', type: 'varchar', length: '191', isPrimary: true },
          { name: 'value', type: 'text' },
          { name: 'expires_at', type: 'bigint' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['shared_cache', 'audit_logs', 'role_assignments', 'members', 'branches', 'units', 'communities', 'streets']) {
      await q.dropTable(table);
    }
  }
}
