import type { ApiError } from '@/api/api-error';

/** Field name → its Chinese message. */
export type FieldErrors = Partial<Record<string, string>>;

/** The server's per-field messages (400 VALIDATION_FAILED); a nested field (`hours.<id>`) is also filed under its root. */
export function fieldErrorsOf(error: ApiError | undefined): FieldErrors {
  const out: FieldErrors = {};
  if (!error || !Array.isArray(error.details)) return out;
  for (const detail of error.details) {
    if (out[detail.field] === undefined) out[detail.field] = detail.message;
    const root = detail.field.split('.')[0];
    if (out[root] === undefined) out[root] = detail.message;
  }
  return out;
}
