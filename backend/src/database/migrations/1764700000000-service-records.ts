import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, datetime, id, ref, timestamps } from '../migration-columns.js';

/** 报到服务记录 with their suspicion flags, and the rotating check-in codes already spent (once per member and slot). */
export class ServiceRecords1764700000000 implements MigrationInterface {
  name = 'ServiceRecords1764700000000';

  async up(q: QueryRunner): Promise<void> {
    const fk = (column: string, table: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });
    const nullableTime = (name: string) => ({ ...datetime(q, name, false), isNullable: true });
    const hours = (name: string) => ({ name, type: 'decimal', precision: 4, scale: 1 });
    await q.createTable(
      new Table({
        name: 'service_records',
        columns: [
          id(),
          ref('member_id'),
          ref('community_id'),
          { name: 'status', type: 'varchar', length: '20' },
          ref('open_member_id', true),
          datetime(q, 'started_at', false),
          nullableTime('ended_at'),
          { name: 'service_date', type: 'varchar', length: '10' },
          { name: 'start_verification', type: 'varchar', length: '20' },
          { name: 'end_verification', type: 'varchar', length: '20', isNullable: true },
          { name: 'start_lat', type: 'decimal', precision: 10, scale: 7, isNullable: true },
          { name: 'start_lng', type: 'decimal', precision: 10, scale: 7, isNullable: true },
          { name: 'start_accuracy_m', type: 'int', isNullable: true },
          { name: 'distance_m', type: 'int', isNullable: true },
          { name: 'geofence_result', type: 'varchar', length: '12', isNullable: true },
          { name: 'service_type', type: 'varchar', length: '20', isNullable: true },
          { name: 'description', type: 'varchar', length: '500', isNullable: true },
          hours('proposed_hours'),
          hours('hours'),
          nullableTime('offline_claimed_at'),
          { name: 'on_behalf', type: 'boolean' },
          { name: 'on_behalf_reason', type: 'varchar', length: '200', isNullable: true },
          ref('created_by'),
          ref('decided_by', true),
          nullableTime('decided_at'),
          { name: 'decision_reason', type: 'varchar', length: '200', isNullable: true },
          ...timestamps(q),
        ],
        foreignKeys: [
          fk('member_id', 'members'),
          fk('community_id', 'communities'),
          fk('created_by', 'members'),
          fk('decided_by', 'members'),
        ],
        indices: [
          new TableIndex({ name: 'uq_service_records_open_member', columnNames: ['open_member_id'], isUnique: true }),
          new TableIndex({ name: 'idx_service_records_member', columnNames: ['member_id', 'started_at'] }),
          new TableIndex({ name: 'idx_service_records_member_day', columnNames: ['member_id', 'service_date'] }),
          new TableIndex({ name: 'idx_service_records_community', columnNames: ['community_id', 'status', 'started_at'] }),
          new TableIndex({ name: 'idx_service_records_status', columnNames: ['status', 'started_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'service_record_flags',
        columns: [
          { ...ref('record_id'), isPrimary: true },
          { name: 'flag', type: 'varchar', length: '30', isPrimary: true },
          { name: 'detail', type: 'varchar', length: '200', isNullable: true },
          createdAt(q),
        ],
        foreignKeys: [fk('record_id', 'service_records')],
        indices: [new TableIndex({ name: 'idx_service_record_flags_flag', columnNames: ['flag'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'checkin_code_uses',
        columns: [
          id(),
          ref('member_id'),
          ref('community_id'),
          { name: 'slot', type: 'bigint' },
          { name: 'phase', type: 'varchar', length: '5' },
          ...timestamps(q),
        ],
        foreignKeys: [fk('member_id', 'members'), fk('community_id', 'communities')],
        indices: [
          new TableIndex({
            name: 'uq_checkin_code_uses',
            columnNames: ['member_id', 'community_id', 'slot', 'phase'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_checkin_code_uses_created', columnNames: ['created_at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('checkin_code_uses');
    await q.dropTable('service_record_flags');
    await q.dropTable('service_records');
  }
}
