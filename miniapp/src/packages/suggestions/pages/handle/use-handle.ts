import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import {
  SUGGESTION_STATUS_LABELS,
  SUGGESTION_STATUSES,
  type SuggestionReplyInput,
  type SuggestionStatus,
  type SuggestionView,
} from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { getSuggestion, listAllSuggestions, replySuggestion } from '@/api/suggestions';
import { useRefreshOnShow } from '@/hooks/use-api';
import { usePagedList } from '@/hooks/use-paged-list';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useRetryKey } from '@/hooks/use-retry-key';
import { toast } from '@/services/toast';

export const PAGE_SIZE = 10;
export const REPLY_MAX = 1000;
const REPLY_FIELDS = ['reply', 'status'] as const;

export type StatusFilter = SuggestionStatus | 'all';
export const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...SUGGESTION_STATUSES.map((status) => ({ value: status, label: SUGGESTION_STATUS_LABELS[status] })),
];

export type ReplyStatus = NonNullable<SuggestionReplyInput['status']>;
export const REPLY_STATUSES: { value: ReplyStatus; label: string }[] = [
  { value: 'in_progress', label: SUGGESTION_STATUS_LABELS.in_progress },
  { value: 'replied', label: SUGGESTION_STATUS_LABELS.replied },
  { value: 'closed', label: SUGGESTION_STATUS_LABELS.closed },
];

/** The contact is fetched only when the organizer asks for it: each full read is audited on the server. */
export type ContactState =
  | { state: 'hidden' }
  | { state: 'loading' }
  | { state: 'shown'; contact: string | null }
  | { state: 'failed'; error: ApiError };

export function useHandleSuggestions() {
  const [filter, setFilter] = useState<StatusFilter>('all');
  const list = usePagedList((page) =>
    listAllSuggestions({ page, pageSize: PAGE_SIZE, status: filter === 'all' ? undefined : filter }),
  );
  const { reload, restart, update } = list;

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [replyText, setReplyTextValue] = useState('');
  const [replyStatus, setReplyStatusValue] = useState<ReplyStatus>('replied');
  const [replyError, setReplyError] = useState<ApiError | undefined>(undefined);
  const form = useFormErrors(replyError, REPLY_FIELDS);
  const { clear, setLocal } = form;
  const [submitting, setSubmitting] = useState(false);
  const [contact, setContact] = useState<ContactState>({ state: 'hidden' });
  const submittingRef = useRef(false);
  const { keyFor, reset: resetKey } = useRetryKey();

  const firstFilter = useRef(true);
  useEffect(() => {
    // The mount already loads page 1; later filter changes start over with the new filter.
    if (firstFilter.current) {
      firstFilter.current = false;
      return;
    }
    setSelectedId(null);
    void restart();
  }, [filter, restart]);

  useRefreshOnShow(reload);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  const select = useCallback((suggestion: SuggestionView) => {
    setSelectedId((current) => (current === suggestion.id ? null : suggestion.id));
    setReplyTextValue(suggestion.reply ?? '');
    setReplyStatusValue('replied');
    setLocal({});
    setReplyError(undefined);
    setContact({ state: 'hidden' });
  }, [setLocal]);

  const setReplyText = useCallback((value: string) => {
    setReplyTextValue(value);
    clear('reply');
  }, [clear]);
  const setReplyStatus = useCallback((value: ReplyStatus) => {
    setReplyStatusValue(value);
    // Whether a reply is needed depends on the status, so its error may no longer hold.
    clear('reply');
    clear('status');
  }, [clear]);

  const showContact = useCallback(async (id: string): Promise<void> => {
    setContact({ state: 'loading' });
    try {
      const full = await getSuggestion(id);
      setContact({ state: 'shown', contact: full.contact ?? null });
    } catch (caught) {
      setContact({ state: 'failed', error: asApiError(caught) });
    }
  }, []);

  const submitReply = useCallback(
    async (suggestion: SuggestionView): Promise<void> => {
      if (submittingRef.current) return;
      const body: SuggestionReplyInput = { reply: replyText.trim(), status: replyStatus };
      // Only "处理中" may go without words; closing may reuse the earlier answer.
      if (body.reply === '' && (replyStatus === 'replied' || (replyStatus === 'closed' && !suggestion.reply))) {
        setLocal({ reply: '请填写答复内容' });
        return;
      }
      const key = keyFor({ id: suggestion.id, ...body });
      submittingRef.current = true;
      setSubmitting(true);
      setLocal({});
      setReplyError(undefined);
      try {
        const updated = await replySuggestion(suggestion.id, body, key);
        resetKey();
        update((existing) => (existing.id === updated.id ? updated : existing));
        setSelectedId(null);
        toast('已保存');
      } catch (caught) {
        const error = asApiError(caught);
        setReplyError(error);
        // Someone else closed it meanwhile: show its current state.
        if (error.code === 'CONFLICT') void reload();
      } finally {
        submittingRef.current = false;
        setSubmitting(false);
      }
    },
    [replyText, replyStatus, update, reload, keyFor, resetKey, setLocal],
  );

  return {
    filter,
    setFilter,
    list,
    selectedId,
    select,
    replyText,
    setReplyText,
    replyStatus,
    setReplyStatus,
    fieldErrors: form.errors,
    formError: form.message,
    submitting,
    submitReply,
    contact,
    showContact,
  };
}
