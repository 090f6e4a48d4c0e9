import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, datetime, id, ref, timestamps } from '../migration-columns.js';

/** Residents' problems with their timeline, and the district's own corrections to the working-day calendar. */
export class Problems1765000000000 implements MigrationInterface {
  name = 'Problems1765000000000';

  async up(q: QueryRunner): Promise<void> {
    const fk = (column: string, table: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });
    const nullableTime = (name: string) => ({ ...datetime(q, name, false), isNullable: true });
    const text = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
    const index = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });

    await q.createTable(
      new Table({
        name: 'problems',
        columns: [
          id(),
          ref('recorder_id'),
          ref('created_by'),
          { name: 'on_behalf', type: 'boolean', default: false },
          text('on_behalf_reason', 200, true),
          ref('visit_id', true),
          text('resident_name_cipher', 255),
          text('resident_phone_cipher', 255, true),
          text('resident_phone_hash', 64, true),
          text('resident_address_cipher', 600, true),
          datetime(q, 'consent_at', false),
          ref('community_id', true),
          text('village', 60, true),
          text('category', 30),
          { name: 'description', type: 'text' },
          text('urgency', 10),
          text('deadline', 10),
          text('status', 20),
          ref('handling_unit_id', true),
          ref('handling_community_id', true),
          text('answer', 1000, true),
          text('resolution', 1000, true),
          text('close_reason', 500, true),
          { name: 'satisfaction', type: 'int', isNullable: true },
          nullableTime('answered_at'),
          nullableTime('closed_at'),
          ref('duplicate_of', true),
          nullableTime('reminded_at'),
          ...timestamps(q),
        ],
        foreignKeys: [
          fk('recorder_id', 'members'),
          fk('created_by', 'members'),
          fk('visit_id', 'visits'),
          fk('community_id', 'communities'),
          fk('handling_unit_id', 'units'),
          fk('handling_community_id', 'communities'),
          fk('duplicate_of', 'problems'),
        ],
        indices: [
          index('idx_problems_status_deadline', ['status', 'deadline']),
          index('idx_problems_recorder', ['recorder_id', 'created_at']),
          index('idx_problems_community', ['community_id', 'category', 'status']),
          index('idx_problems_handling_unit', ['handling_unit_id', 'status']),
          index('idx_problems_handling_community', ['handling_community_id', 'status']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'problem_events',
        columns: [
          id(),
          ref('problem_id'),
          text('action', 20),
          text('from_status', 20, true),
          text('to_status', 20),
          ref('actor_id'),
          text('note', 1000, true),
          { name: 'satisfaction', type: 'int', isNullable: true },
          createdAt(q),
        ],
        foreignKeys: [fk('problem_id', 'problems'), fk('actor_id', 'members')],
        indices: [index('idx_problem_events_problem', ['problem_id', 'created_at'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'calendar_days',
        columns: [
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'workday', type: 'boolean' },
          text('label', 40),
          ref('updated_by'),
        ],
        foreignKeys: [fk('updated_by', 'members')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('calendar_days');
    await q.dropTable('problem_events');
    await q.dropTable('problems');
  }
}
