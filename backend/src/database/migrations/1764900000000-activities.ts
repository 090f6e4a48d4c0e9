import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, datetime, id, ref, timestamps } from '../migration-columns.js';

/**
 * Activities and community needs with their sign-ups, the hours ledger and certificates, visits, reminder
 * deliveries; the need a service record did, and the subscribe-message fields of an inbox row.
 */
export class Activities1764900000000 implements MigrationInterface {
  name = 'Activities1764900000000';

  async up(q: QueryRunner): Promise<void> {
    const fk = (column: string, table: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });
    const time = (name: string) => datetime(q, name, false);
    const nullableTime = (name: string) => ({ ...datetime(q, name, false), isNullable: true });
    const text = (name: string, length: number, nullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    });
    const int = (name: string, dflt: number | null = 0) => ({
      name,
      type: 'int',
      ...(dflt === null ? { isNullable: true } : { default: dflt }),
    });

    await q.createTable(
      new Table({
        name: 'activity_themes',
        columns: [id(), text('month', 7), text('title', 40), ref('created_by'), ...timestamps(q)],
        foreignKeys: [fk('created_by', 'members')],
        indices: [new TableIndex({ name: 'uq_activity_themes_month_title', columnNames: ['month', 'title'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'activities',
        columns: [
          id(),
          text('kind', 20),
          text('sub_kind', 20, true),
          text('need_kind', 20, true),
          ref('theme_id', true),
          text('title', 60),
          { name: 'description', type: 'text' },
          text('place', 100),
          ref('community_id', true),
          time('starts_at'),
          time('ends_at'),
          time('signup_deadline'),
          time('cancel_deadline'),
          int('capacity', null),
          int('waitlist_limit'),
          { name: 'credited_hours', type: 'decimal', precision: 4, scale: 1 },
          text('scope_kind', 20),
          ref('scope_id', true),
          text('status', 20),
          ref('unit_id', true),
          ref('author_id'),
          ref('reviewed_by', true),
          nullableTime('reviewed_at'),
          text('review_note', 200, true),
          nullableTime('published_at'),
          text('cancel_reason', 200, true),
          int('confirmed_count'),
          int('waitlist_count'),
          int('waitlist_seq'),
          ...timestamps(q),
        ],
        foreignKeys: [
          fk('theme_id', 'activity_themes'),
          fk('community_id', 'communities'),
          fk('unit_id', 'units'),
          fk('author_id', 'members'),
          fk('reviewed_by', 'members'),
        ],
        indices: [
          new TableIndex({ name: 'idx_activities_status_starts', columnNames: ['status', 'starts_at'] }),
          new TableIndex({ name: 'idx_activities_scope', columnNames: ['scope_kind', 'scope_id', 'status'] }),
          new TableIndex({ name: 'idx_activities_community', columnNames: ['community_id', 'status'] }),
          new TableIndex({ name: 'idx_activities_theme', columnNames: ['theme_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'activity_eligibility',
        columns: [
          { ...ref('activity_id'), isPrimary: true },
          { ...text('kind', 10), isPrimary: true },
          { ...ref('target_id'), isPrimary: true },
        ],
        foreignKeys: [fk('activity_id', 'activities')],
        indices: [new TableIndex({ name: 'idx_activity_eligibility_target', columnNames: ['kind', 'target_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'activity_signups',
        columns: [
          id(),
          ref('activity_id'),
          ref('member_id'),
          text('status', 20),
          int('waitlist_seq', null),
          time('signed_up_at'),
          nullableTime('cancelled_at'),
          text('cancel_reason', 200, true),
          { name: 'on_behalf', type: 'boolean', default: false },
          text('on_behalf_reason', 200, true),
          ref('created_by'),
          nullableTime('checked_in_at'),
          nullableTime('checked_out_at'),
          text('attendance_method', 20, true),
          ref('marked_by', true),
          { name: 'credited_hours', type: 'decimal', precision: 4, scale: 1, default: 0 },
          ref('service_record_id', true),
          ...timestamps(q),
        ],
        foreignKeys: [
          fk('activity_id', 'activities'),
          fk('member_id', 'members'),
          fk('created_by', 'members'),
          fk('marked_by', 'members'),
          fk('service_record_id', 'service_records'),
        ],
        indices: [
          new TableIndex({ name: 'uq_activity_signups_activity_member', columnNames: ['activity_id', 'member_id'], isUnique: true }),
          new TableIndex({ name: 'idx_activity_signups_activity_status', columnNames: ['activity_id', 'status', 'waitlist_seq'] }),
          new TableIndex({ name: 'idx_activity_signups_member', columnNames: ['member_id', 'status'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'reminder_deliveries',
        columns: [id(), text('kind', 20), ref('activity_id'), ref('member_id'), ref('message_id', true), createdAt(q)],
        foreignKeys: [fk('activity_id', 'activities'), fk('member_id', 'members')],
        indices: [
          new TableIndex({ name: 'uq_reminder_deliveries', columnNames: ['kind', 'activity_id', 'member_id'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'hours_ledger',
        columns: [
          id(),
          ref('member_id'),
          text('source', 20),
          text('credit_key', 60, true),
          ref('activity_id', true),
          ref('signup_id', true),
          ref('service_record_id', true),
          { name: 'hours', type: 'decimal', precision: 5, scale: 1 },
          text('service_date', 10),
          text('reason', 200, true),
          ref('corrects_id', true),
          ref('created_by'),
          createdAt(q),
        ],
        foreignKeys: [
          fk('member_id', 'members'),
          fk('activity_id', 'activities'),
          fk('signup_id', 'activity_signups'),
          fk('service_record_id', 'service_records'),
          fk('created_by', 'members'),
        ],
        indices: [
          new TableIndex({ name: 'idx_hours_ledger_member_date', columnNames: ['member_id', 'service_date'] }),
          new TableIndex({ name: 'uq_hours_ledger_credit_key', columnNames: ['credit_key'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'certificates',
        columns: [
          id(),
          text('serial', 24),
          ref('member_id'),
          text('date_from', 10),
          text('date_to', 10),
          { name: 'content', type: 'text' },
          ref('issued_by'),
          createdAt(q),
        ],
        foreignKeys: [fk('member_id', 'members'), fk('issued_by', 'members')],
        indices: [
          new TableIndex({ name: 'uq_certificates_serial', columnNames: ['serial'], isUnique: true }),
          new TableIndex({ name: 'idx_certificates_member', columnNames: ['member_id', 'created_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'visits',
        columns: [
          id(),
          ref('member_id'),
          ref('activity_id', true),
          text('place', 100),
          text('visited_on', 10),
          text('note', 500, true),
          { name: 'on_behalf', type: 'boolean', default: false },
          text('on_behalf_reason', 200, true),
          ref('created_by'),
          ...timestamps(q),
        ],
        foreignKeys: [fk('member_id', 'members'), fk('activity_id', 'activities'), fk('created_by', 'members')],
        indices: [
          new TableIndex({ name: 'idx_visits_member_day', columnNames: ['member_id', 'visited_on'] }),
          new TableIndex({ name: 'idx_visits_activity', columnNames: ['activity_id', 'visited_on'] }),
        ],
      }),
    );
    await q.addColumn('service_records', new TableColumn({ ...ref('need_id', true) }));
    await q.createIndex('service_records', new TableIndex({ name: 'idx_service_records_need', columnNames: ['need_id'] }));
    await q.addColumn('messages', new TableColumn({ name: 'push_data', type: 'text', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('messages', 'push_data');
    await q.dropIndex('service_records', 'idx_service_records_need');
    await q.dropColumn('service_records', 'need_id');
    for (const table of [
      'visits',
      'certificates',
      'hours_ledger',
      'reminder_deliveries',
      'activity_signups',
      'activity_eligibility',
      'activities',
      'activity_themes',
    ]) {
      await q.dropTable(table);
    }
  }
}
