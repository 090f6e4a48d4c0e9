import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { datetime, ref } from '../migration-columns.js';

/** What a just-exchanged refresh token needs to be answered again, briefly, after a lost response. */
export class RefreshGrace1764806000000 implements MigrationInterface {
  name = 'RefreshGrace1764806000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('refresh_tokens', [
      new TableColumn(ref('successor_id', true)),
      new TableColumn({ name: 'successor_cipher', type: 'text', isNullable: true }),
      new TableColumn({ ...datetime(q, 'grace_until', false), isNullable: true }),
    ]);
    await q.createIndex('refresh_tokens', new TableIndex({ name: 'idx_refresh_tokens_grace', columnNames: ['grace_until'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('refresh_tokens', 'idx_refresh_tokens_grace');
    await q.dropColumns('refresh_tokens', ['grace_until', 'successor_cipher', 'successor_id']);
  }
}
