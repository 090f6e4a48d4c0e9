import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/** [table, old index name, new index name, columns, unique] for every index of the two post tables. */
const INDICES: Array<[string, string, string, string[], boolean]> = [
  ['posts', 'uq_demo_posts_active_key', 'uq_model_posts_active_key', ['active_key'], true],
  ['posts', 'idx_demo_posts_unit', 'idx_model_posts_unit', ['unit_id', 'created_at'], false],
  ['posts', 'idx_demo_posts_community', 'idx_model_posts_community', ['community_id'], false],
  ['holders', 'uq_demo_post_holders_post_member', 'uq_model_post_holders_post_member', ['post_id', 'member_id'], true],
  ['holders', 'idx_demo_post_holders_member', 'idx_model_post_holders_member', ['member_id'], false],
];

/**
 * 党员示范岗 were stored as "demo posts", which read as demo-mode data. They become model posts; rows are kept.
 * New indices are created before the old ones are dropped: on MySQL a foreign key needs an index on its column at
 * every moment.
 */
export class ModelPosts1764810000000 implements MigrationInterface {
  name = 'ModelPosts1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await this.rename(q, 'demo', 'model');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.rename(q, 'model', 'demo');
  }

  private async rename(q: QueryRunner, from: 'demo' | 'model', to: 'demo' | 'model'): Promise<void> {
    // Both drivers carry the holders' foreign key along when the posts table is renamed (the migrations test checks).
    await q.renameTable(`${from}_post_holders`, `${to}_post_holders`);
    await q.renameTable(`${from}_posts`, `${to}_posts`);
    for (const [which, oldName, newName, columnNames, isUnique] of INDICES) {
      const table = which === 'posts' ? `${to}_posts` : `${to}_post_holders`;
      const [dropName, createName] = from === 'demo' ? [oldName, newName] : [newName, oldName];
      await q.createIndex(table, new TableIndex({ name: createName, columnNames, isUnique }));
      await q.dropIndex(table, dropName);
    }
  }
}
