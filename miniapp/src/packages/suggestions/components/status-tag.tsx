import { SUGGESTION_STATUS_LABELS, type SuggestionStatus } from '@pioneer/shared-types';
import { Tag } from '@nutui/nutui-react-taro';

// A plain NutUI tag ignores `type`; `background` colours its border and text. Dark enough to read outdoors.
const COLORS: Record<SuggestionStatus, string> = {
  submitted: '#555555',
  in_progress: '#a35f00',
  replied: '#1a7f37',
  closed: '#0b5cad',
};

export default function StatusTag({ status }: { status: SuggestionStatus }) {
  return (
    <Tag className={`suggestion-status suggestion-status--${status}`} background={COLORS[status]} plain>
      {SUGGESTION_STATUS_LABELS[status]}
    </Tag>
  );
}
