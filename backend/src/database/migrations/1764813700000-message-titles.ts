import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox shows every message under its title. The column has always been required, but nothing refused an empty
 * one, so a row may hold '' or spaces; such rows get the title of their kind. The words are copied here, not imported,
 * so this step keeps doing what it did when later wording changes.
 */
const TITLES: Array<[kind: string, title: string]> = [
  ['registration_approved', '您的报到申请已通过'],
  ['registration_rejected', '您的报到申请未通过'],
  ['service_confirmed', '您的服务记录已确认'],
  ['service_rejected', '您的服务记录未通过'],
  ['worker_pending', '有事项等您处理'],
  ['suggestion_replied', '您的意见建议有了答复'],
  ['system', '系统通知'],
];
const FALLBACK = '系统通知';
const BLANK = "(title IS NULL OR TRIM(title) = '')";

export class MessageTitles1764813700000 implements MigrationInterface {
  name = 'MessageTitles1764813700000';

  async up(q: QueryRunner): Promise<void> {
    for (const [kind, title] of TITLES) {
      await q.query(`UPDATE messages SET title = ? WHERE kind = ? AND ${BLANK}`, [title, kind]);
    }
    // A kind no longer known still gets a title.
    await q.query(`UPDATE messages SET title = ? WHERE ${BLANK}`, [FALLBACK]);
  }

  async down(): Promise<void> {
    // Nothing to undo: a filled title is what the row should have had, and which rows were blank is not kept.
  }
}
