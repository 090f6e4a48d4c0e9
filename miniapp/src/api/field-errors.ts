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

/** The messages for just these fields, typed by the form's own field names. */
export function pickFieldErrors<F extends string>(error: ApiError | undefined, fields: readonly F[]): Partial<Record<F, string>> {
  const all = fieldErrorsOf(error);
  const out: Partial<Record<F, string>> = {};
  for (const field of fields) if (all[field] !== undefined) out[field] = all[field];
  return out;
}

/** Splits server field errors into those a form shows beside its fields and one sentence for the rest. */
export function splitFieldErrors(error: ApiError, formFields: readonly string[]): { fields: FieldErrors; message: string | null } {
  const fields: FieldErrors = {};
  const rest: string[] = [];
  if (Array.isArray(error.details)) {
    const seen = new Set<string>();
    for (const detail of error.details) {
      if (seen.has(detail.field)) continue;
      seen.add(detail.field);
      if (formFields.includes(detail.field)) fields[detail.field] = detail.message;
      else rest.push(detail.message);
    }
  }
  const shownBeside = Object.keys(fields).length > 0;
  return { fields, message: rest.length > 0 ? rest.join('；') : shownBeside ? null : error.message };
}
