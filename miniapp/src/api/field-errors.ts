import type { ApiError } from '@/api/api-error';

/** Field name → its Chinese message. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * The server's `details` as one message per field. A nested field (`branches.2`) is also filed under its root
 * (`branches`), so a form that shows the list as one field still shows the problem.
 */
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

/** Whether the error already shows beside one of the form's fields, so the banner above the form can stay short. */
export function hasFieldErrors(error: ApiError | undefined, fields: readonly string[]): boolean {
  const errors = fieldErrorsOf(error);
  return fields.some((field) => errors[field] !== undefined);
}
