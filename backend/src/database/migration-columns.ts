import type { QueryRunner, TableColumnOptions } from 'typeorm';

// Column shapes shared by every migration, so SQLite and MySQL get the same schema from one description.

function isMysql(q: QueryRunner): boolean {
  const type = q.connection.driver.options.type;
  return type === 'mysql' || type === 'mariadb';
}

export function id(): TableColumnOptions {
  return { name: 'id', type: 'varchar', length: '36', isPrimary: true };
}

export function ref(name: string, nullable = false): TableColumnOptions {
  return { name, type: 'varchar', length: '36', isNullable: nullable };
}

/** Millisecond precision on both: lists ordered by time must not tie within a second. */
export function datetime(q: QueryRunner, name: string, withDefault = true): TableColumnOptions {
  if (isMysql(q)) {
    return { name, type: 'datetime', precision: 3, ...(withDefault ? { default: 'CURRENT_TIMESTAMP(3)' } : {}) };
  }
  return { name, type: 'datetime', ...(withDefault ? { default: "(strftime('%Y-%m-%d %H:%M:%f', 'now'))" } : {}) };
}

export function createdAt(q: QueryRunner): TableColumnOptions {
  return datetime(q, 'created_at');
}

export function timestamps(q: QueryRunner): TableColumnOptions[] {
  return [datetime(q, 'created_at'), datetime(q, 'updated_at')];
}
