import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '@/api/api-error';
import type { FieldErrors } from '@/api/field-errors';

/**
 * A form's fields, as the server names them in `details[].field`. An entry ending in `.*` stands for a keyed list:
 * `hours.*` matches `hours.<recordId>`, so an error about one row of a list lands beside that row.
 */
export type FormFields = readonly string[];

export interface FormErrors {
  /** Field → message: the server's errors for this form's fields merged over the form's own checks. */
  errors: FieldErrors;
  /** One sentence for what belongs to no field (the toast or banner); null when every problem shows beside a field. */
  message: string | null;
  /** Call when a field changes: its error goes away (and a keyed row's, for `hours.<id>`). */
  clear: (field: string) => void;
  /** The form's own checks before sending; replaces the previous ones. */
  setLocal: (errors: FieldErrors) => void;
}

function belongs(field: string, fields: FormFields): boolean {
  return fields.some((f) => (f.endsWith('.*') ? field.startsWith(f.slice(0, -1)) : f === field));
}

/**
 * The one way a form shows errors: each API field error beside its field (keyed ones included), cleared when that
 * field changes; a message for the rest only. Every form in the mini-program goes through this, so a new screen
 * inherits the habit instead of re-deriving it.
 */
export function useFormErrors(error: ApiError | undefined, fields: FormFields): FormErrors {
  const [cleared, setCleared] = useState<ReadonlySet<string>>(() => new Set());
  const [local, setLocalState] = useState<FieldErrors>({});
  // A new error from the server shows in full again, whatever was cleared from the previous one.
  useEffect(() => setCleared(new Set()), [error]);
  const key = fields.join('|');

  const split = useMemo(() => {
    const server: FieldErrors = {};
    const rest: string[] = [];
    if (error && Array.isArray(error.details)) {
      for (const detail of error.details) {
        if (belongs(detail.field, fields)) {
          if (server[detail.field] === undefined) server[detail.field] = detail.message;
        } else if (!rest.includes(detail.message)) {
          rest.push(detail.message);
        }
      }
    }
    const anyBeside = Object.keys(server).length > 0;
    const message = !error ? null : rest.length > 0 ? rest.join('；') : anyBeside ? null : error.message;
    return { server, message };
    // `fields` is compared by content: callers pass literal arrays.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error, key]);

  const errors = useMemo(() => {
    const out: FieldErrors = {};
    for (const [field, message] of Object.entries(local)) if (message !== undefined && !cleared.has(field)) out[field] = message;
    for (const [field, message] of Object.entries(split.server)) if (message !== undefined && !cleared.has(field)) out[field] = message;
    return out;
  }, [local, split, cleared]);

  const clear = useCallback((field: string) => {
    setCleared((prev) => {
      if (prev.has(field)) return prev;
      const next = new Set(prev);
      next.add(field);
      return next;
    });
    setLocalState((prev) => (prev[field] === undefined ? prev : { ...prev, [field]: undefined }));
  }, []);

  const setLocal = useCallback((next: FieldErrors) => {
    setLocalState(next);
    // Only the fields checked again show again: a server error the person already fixed stays away.
    setCleared((prev) => {
      const again = Object.keys(next).filter((field) => next[field] !== undefined && prev.has(field));
      if (again.length === 0) return prev;
      const rest = new Set(prev);
      for (const field of again) rest.delete(field);
      return rest;
    });
  }, []);

  return { errors, message: split.message, clear, setLocal };
}
