import { ApiError } from '@/api/api-error';

/** Field name → its Chinese message. */
export type FieldErrors = Partial<Record<string, string>>;

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
  if (!error || !Array.isArray(error.details)) return false;
  // A keyed field (`branches.2`) belongs to its list's field too.
  return error.details.some((d) => fields.includes(d.field) || fields.includes(d.field.split('.')[0]!));
}
