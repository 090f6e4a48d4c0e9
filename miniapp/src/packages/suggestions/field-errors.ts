import type { ApiError } from '@/api/api-error';

export type FieldErrors = Partial<Record<string, string>>;

/** The server's per-field messages (400 VALIDATION_FAILED), first message per field. */
export function fieldErrorsOf(error: ApiError): FieldErrors {
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return {};
  const out: FieldErrors = {};
  for (const detail of error.details) {
    if (out[detail.field] === undefined) out[detail.field] = detail.message;
  }
  return out;
}

/** Splits server field errors into those a form shows beside its fields and one sentence for the rest. */
export function splitFieldErrors(
  error: ApiError,
  formFields: readonly string[],
): { fields: FieldErrors; message: string | null } {
  const all = fieldErrorsOf(error);
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(all)) {
    if (message === undefined) continue;
    if (formFields.includes(field)) fields[field] = message;
    else rest.push(message);
  }
  const shownBeside = Object.keys(fields).length > 0;
  return { fields, message: rest.length > 0 ? rest.join('；') : shownBeside ? null : error.message };
}
