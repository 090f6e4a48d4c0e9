import type { ErrorCode, FieldError } from '@pioneer/shared-types';
import { ERROR_CATALOG } from './error-catalog.js';

/** The one exception product code throws: a stable code, a Chinese message, optional details. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: FieldError[] | Record<string, unknown>,
  ) {
    super(message ?? ERROR_CATALOG[code].message);
    this.name = 'DomainException';
  }

  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }
}
