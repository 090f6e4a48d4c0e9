import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { datetime, id, ref, timestamps } from '../migration-columns.js';

/** Paired households (结对关爱) with their pairings, the household a visit was to, and practical matters (实事). */
export class HouseholdsMatters1765000100000 implements MigrationInterface {
  name = 'HouseholdsMatters1765000100000';

  async up(q: QueryRunner): Promise<void> {
    const fk = (column: string, table: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });
    const text = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
    const index = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

    await q.createTable(
      new Table({
        name: 'households',
        columns: [
          id(),
          ref('community_id', true),
          text('village', 60, true),
          text('contact_name_cipher', 255),
          text('phone_cipher', 255, true),
          text('phone_hash', 64, true),
          text('address_cipher', 600),
          datetime(q, 'consent_at', false),
          ref('created_by'),
          ...timestamps(q),
        ],
        foreignKeys: [fk('community_id', 'communities'), fk('created_by', 'members')],
        indices: [index('idx_households_community', ['community_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pairings',
        columns: [
          id(),
          ref('household_id'),
          ref('member_id'),
          text('status', 10),
          text('started_on', 10),
          text('ended_on', 10, true),
          text('end_reason', 200, true),
          ref('created_by'),
          ref('active_key', true),
          ...timestamps(q),
        ],
        foreignKeys: [fk('household_id', 'households'), fk('member_id', 'members'), fk('created_by', 'members')],
        indices: [
          index('idx_pairings_household', ['household_id', 'status']),
          index('idx_pairings_member', ['member_id', 'status']),
          index('uq_pairings_active', ['household_id', 'active_key'], true),
        ],
      }),
    );
    await q.addColumn('visits', new TableColumn(ref('household_id', true)));
    await q.createForeignKey('visits', fk('household_id', 'households'));
    await q.createIndex('visits', index('idx_visits_household', ['household_id', 'visited_on']));
    await q.createTable(
      new Table({
        name: 'matters',
        columns: [
          id(),
          text('title', 60),
          ref('unit_id'),
          ref('community_id', true),
          text('village', 60, true),
          text('done_on', 10),
          { name: 'beneficiaries', type: 'int' },
          text('description', 1000),
          ref('author_id'),
          ...timestamps(q),
        ],
        foreignKeys: [fk('unit_id', 'units'), fk('community_id', 'communities'), fk('author_id', 'members')],
        indices: [index('idx_matters_unit_day', ['unit_id', 'done_on']), index('idx_matters_community_day', ['community_id', 'done_on'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'matter_links',
        columns: [id(), ref('matter_id'), ref('problem_id', true), ref('visit_id', true)],
        foreignKeys: [fk('matter_id', 'matters'), fk('problem_id', 'problems'), fk('visit_id', 'visits')],
        indices: [index('idx_matter_links_matter', ['matter_id'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('matter_links');
    await q.dropTable('matters');
    const visits = await q.getTable('visits');
    const key = visits?.foreignKeys.find((f) => f.columnNames.includes('household_id'));
    if (key) await q.dropForeignKey('visits', key);
    await q.dropIndex('visits', 'idx_visits_household');
    await q.dropColumn('visits', 'household_id');
    await q.dropTable('pairings');
    await q.dropTable('households');
  }
}
