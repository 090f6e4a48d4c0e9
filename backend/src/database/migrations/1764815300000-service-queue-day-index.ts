import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * The worker's queue filtered by service day ("today", "this week") reads one range per community instead of every
 * record of the community's status.
 */
export class ServiceQueueDayIndex1764815300000 implements MigrationInterface {
  name = 'ServiceQueueDayIndex1764815300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'service_records',
      new TableIndex({ name: 'idx_service_records_community_day', columnNames: ['community_id', 'service_date'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('service_records', 'idx_service_records_community_day');
  }
}
