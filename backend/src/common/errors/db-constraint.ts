import { QueryFailedError } from 'typeorm';

interface DriverError {
  code?: string;
  errno?: number;
}

function driverError(error: unknown): DriverError | null {
  return error instanceof QueryFailedError ? (error.driverError as DriverError) : null;
}

/** A unique index refused the write (MySQL ER_DUP_ENTRY, SQLite UNIQUE/PRIMARY KEY): a race lost to another request. */
export function isUniqueViolation(error: unknown): boolean {
  const e = driverError(error);
  return !!e && (e.code === 'ER_DUP_ENTRY' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}

/** A foreign key refused the write: the row is still referenced, or a referenced row vanished meanwhile. */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = driverError(error);
  return (
    !!e &&
    (e.code === 'ER_ROW_IS_REFERENCED_2' ||
      e.code === 'ER_ROW_IS_REFERENCED' ||
      e.code === 'ER_NO_REFERENCED_ROW_2' ||
      e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
  );
}
