import { ApiError } from '@/api/api-error';

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

/** The messages for just these fields, typed by the form's own field names. */
export function pickFieldErrors<F extends string>(error: ApiError | undefined, fields: readonly F[]): Partial<Record<F, string>> {
  const all = fieldErrorsOf(error);
  const out: Partial<Record<F, string>> = {};
  for (const field of fields) if (all[field] !== undefined) out[field] = all[field];
  return out;
}

/**
 * A refusal that names no field but is about one (a unit code already taken, a phone already on the roster), as a
 * field error of that field, so useFormErrors shows it beside the field like any other. Memoize the result on the
 * error: the hook treats a new error object as a new answer and shows every field again.
 */
export function asFieldError(error: ApiError | undefined, code: ApiError['code'], field: string): ApiError | undefined {
  if (!error || error.code !== code || (Array.isArray(error.details) && error.details.length > 0)) return error;
  return new ApiError(error.code, error.message, error.status, [{ field, message: error.message }]);
}

/** Whether the error names one of these fields, so the screen can leave it beside that field instead of a banner. */
export function hasFieldErrors(error: ApiError | undefined, fields: readonly string[]): boolean {
  const errors = fieldErrorsOf(error);
  return fields.some((field) => errors[field] !== undefined);
}
