import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { datetime, id, ref, timestamps } from '../migration-columns.js';

/** 意见建议: suggestions and complaints from anyone signed in, with their handling status and reply. */
export class Suggestions1764500000000 implements MigrationInterface {
  name = 'Suggestions1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'suggestions',
        columns: [
          id(),
          ref('author_id'),
          { name: 'anonymous', type: 'boolean' },
          { name: 'content', type: 'text' },
          { name: 'contact_cipher', type: 'varchar', length: '255', isNullable: true },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'reply', type: 'text', isNullable: true },
          ref('replied_by', true),
          { ...datetime(q, 'replied_at', false), isNullable: true },
          ...timestamps(q),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['author_id'], referencedTableName: 'members', referencedColumnNames: ['id'] }),
          new TableForeignKey({ columnNames: ['replied_by'], referencedTableName: 'members', referencedColumnNames: ['id'] }),
        ],
        indices: [
          new TableIndex({ name: 'idx_suggestions_author', columnNames: ['author_id', 'created_at'] }),
          new TableIndex({ name: 'idx_suggestions_status', columnNames: ['status', 'created_at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('suggestions');
  }
}
