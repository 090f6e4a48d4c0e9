import { useCallback, useRef, useState } from 'react';
import type { SuggestionInput } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { createSuggestion } from '@/api/suggestions';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useRetryKey } from '@/hooks/use-retry-key';
import { toast } from '@/services/toast';
import { backToSuggestionList } from '../../navigation';

// The server's limits (backend CreateSuggestionDto), checked here too so a short text is caught before any network.
export const CONTENT_MIN = 5;
export const CONTENT_MAX = 1000;
export const CONTACT_MAX = 50;
const FORM_FIELDS = ['content', 'anonymous', 'contact'] as const;

export function useNewSuggestion() {
  const [content, setContentValue] = useState('');
  const [anonymous, setAnonymousValue] = useState(false);
  const [contact, setContactValue] = useState('');
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const form = useFormErrors(error, FORM_FIELDS);
  const { clear, setLocal } = form;
  const [submitting, setSubmitting] = useState(false);
  // A ref as well as state: two taps in the same tick both see `submitting === false` in their closures.
  const submittingRef = useRef(false);
  // Retrying the same text (after a timeout, say) reuses the key, so the server can tell it is the same submission.
  const { keyFor, reset: resetKey } = useRetryKey();

  const setContent = useCallback((value: string) => {
    setContentValue(value);
    clear('content');
  }, [clear]);
  const setContact = useCallback((value: string) => {
    setContactValue(value);
    clear('contact');
  }, [clear]);
  const setAnonymous = useCallback((value: boolean) => {
    setAnonymousValue(value);
    clear('anonymous');
    clear('contact');
  }, [clear]);

  const submit = useCallback(async (): Promise<void> => {
    if (submittingRef.current) return;
    const trimmed = content.trim();
    if (trimmed.length < CONTENT_MIN) {
      setLocal({ content: `内容至少需要 ${CONTENT_MIN} 个字，请写得具体一些` });
      return;
    }
    // An anonymous suggestion carries no contact: nobody handling it could see one.
    const body: SuggestionInput = { content: trimmed, anonymous, contact: anonymous ? null : contact.trim() || null };
    const key = keyFor(body);
    submittingRef.current = true;
    setSubmitting(true);
    setLocal({});
    setError(undefined);
    try {
      await createSuggestion(body, key);
      resetKey();
      toast('已提交，感谢您的意见', 'none');
      backToSuggestionList();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  }, [content, anonymous, contact, keyFor, resetKey, setLocal]);

  return {
    content,
    setContent,
    anonymous,
    setAnonymous,
    contact,
    setContact,
    fieldErrors: form.errors,
    formError: form.message,
    submitting,
    submit,
  };
}
