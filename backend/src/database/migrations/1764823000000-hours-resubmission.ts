import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * A member's reason for proposing more hours than the visit lasted, and the link from a corrected record to the
 * rejected one it replaces. The unique index on that link is what lets only one of two racing resubmissions win; NULLs
 * never collide, on SQLite and MySQL alike.
 */
export class HoursResubmission1764823000000 implements MigrationInterface {
  name = 'HoursResubmission1764823000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('service_records', [
      new TableColumn({ name: 'hours_reason', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'resubmitted_from', type: 'varchar', length: '36', isNullable: true }),
    ]);
    await q.createIndex(
      'service_records',
      new TableIndex({ name: 'uq_service_records_resubmitted_from', columnNames: ['resubmitted_from'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('service_records', 'uq_service_records_resubmitted_from');
    await q.dropColumn('service_records', 'resubmitted_from');
    await q.dropColumn('service_records', 'hours_reason');
  }
}
