import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, id, ref } from '../migration-columns.js';

/** The log of committed roster imports (who, which file by SHA-256, what each did). */
export class RosterImports1764000400000 implements MigrationInterface {
  name = 'RosterImports1764000400000';

  async up(q: QueryRunner): Promise<void> {
    const count = (name: string) => ({ name, type: 'int', default: 0 });
    await q.createTable(
      new Table({
        name: 'roster_imports',
        columns: [
          id(),
          ref('actor_id'),
          { name: 'file_name', type: 'varchar', length: '255' },
          { name: 'file_sha256', type: 'varchar', length: '64' },
          count('total_rows'),
          count('created_count'),
          count('updated_count'),
          count('unchanged_count'),
          count('transferred_count'),
          count('pending_transfer_count'),
          count('error_count'),
          createdAt(q),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['actor_id'], referencedTableName: 'members', referencedColumnNames: ['id'] }),
        ],
        indices: [new TableIndex({ name: 'idx_roster_imports_actor', columnNames: ['actor_id'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('roster_imports');
  }
}
