import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

// Rows per multi-row INSERT: 500 × a dozen columns stays well inside SQLite's and MySQL's parameter limits.
const ROWS_PER_STATEMENT = 500;

/** UTC 'YYYY-MM-DD HH:MM:SS.mmm', the form TypeORM itself writes to both drivers' datetime columns. */
function dbValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return value;
}

/**
 * Multi-row INSERTs of plain rows, in the caller's transaction. TypeORM's insert builder spends more time building a
 * 500-row statement than the database spends running it, so for bulk imports the statement is written here, with
 * column names taken from the entity's metadata so it cannot drift from the schema. Every row must carry the same keys.
 */
export async function insertRows<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, rows: Array<Partial<T>>): Promise<void> {
  if (!rows.length) return;
  const meta = m.connection.getMetadata(target);
  const driver = m.connection.driver;
  const first = rows[0]!;
  const columns = meta.columns.filter((c) => c.propertyName in first);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${driver.escape(meta.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    const params = part.flatMap((row) => columns.map((c) => dbValue((row as Record<string, unknown>)[c.propertyName])));
    await m.query(head + part.map(() => tuple).join(', '), params);
  }
}
