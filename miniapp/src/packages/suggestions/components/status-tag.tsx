import { SUGGESTION_STATUS_LABELS, type SuggestionStatus } from '@pioneer/shared-types';
import StatusTag, { type StatusTone } from '@/components/status-tag';

const TONES: Record<SuggestionStatus, StatusTone> = {
  submitted: 'muted',
  in_progress: 'warning',
  replied: 'success',
  closed: 'primary',
};

export default function SuggestionStatusTag({ status }: { status: SuggestionStatus }) {
  return (
    <StatusTag tone={TONES[status]} className={`suggestion-status suggestion-status--${status}`}>
      {SUGGESTION_STATUS_LABELS[status]}
    </StatusTag>
  );
}
