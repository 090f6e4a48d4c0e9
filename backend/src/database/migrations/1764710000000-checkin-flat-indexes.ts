import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes that keep a check-in start's reads flat as a member's history grows: the previous own start is the first
 * entry of one range (id breaks ties in the same order the query sorts), and recent rejections are one short range.
 */
export class CheckinFlatIndexes1764710000000 implements MigrationInterface {
  name = 'CheckinFlatIndexes1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'service_records',
      new TableIndex({ name: 'idx_service_records_member_starts', columnNames: ['member_id', 'on_behalf', 'started_at', 'id'] }),
    );
    await q.createIndex(
      'service_records',
      new TableIndex({ name: 'idx_service_records_member_decided', columnNames: ['member_id', 'status', 'decided_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('service_records', 'idx_service_records_member_decided');
    await q.dropIndex('service_records', 'idx_service_records_member_starts');
  }
}
