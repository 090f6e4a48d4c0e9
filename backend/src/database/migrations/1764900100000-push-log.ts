import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { datetime } from '../migration-columns.js';

/**
 * The delivery log of the WeChat channel, on the inbox row it belongs to: when the push was attempted and what WeChat
 * answered (0 sent, 43101 refused, 47003 a field it would not take; NULL when WeChat was not reached or not asked).
 * With push_state this says, per message, whether and why a reminder reached the phone.
 */
export class PushLog1764900100000 implements MigrationInterface {
  name = 'PushLog1764900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('messages', [
      new TableColumn({ name: 'push_errcode', type: 'int', isNullable: true }),
      new TableColumn({ ...datetime(q, 'pushed_at', false), isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('messages', 'pushed_at');
    await q.dropColumn('messages', 'push_errcode');
  }
}
