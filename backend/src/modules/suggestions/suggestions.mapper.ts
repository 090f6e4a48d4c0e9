import type { SuggestionView } from '@pioneer/shared-types';
import type { SuggestionEntity } from './entities/suggestion.entity.js';

export interface SuggestionViewExtras {
  /** Decided by the service: null for the sender themself and whenever the suggestion is anonymous. */
  authorName: string | null;
  /** Only on a single suggestion; left out of lists. */
  contact?: string | null;
}

/** Never carries the author's member id or who replied: an anonymous sender must not be traceable from a response. */
export function mapSuggestion(s: SuggestionEntity, extras: SuggestionViewExtras): SuggestionView {
  const view: SuggestionView = {
    id: s.id,
    content: s.content,
    anonymous: s.anonymous,
    status: s.status,
    reply: s.reply,
    repliedAt: s.repliedAt ? s.repliedAt.toISOString() : null,
    createdAt: s.createdAt.toISOString(),
    authorName: s.anonymous ? null : extras.authorName,
  };
  if (extras.contact !== undefined) view.contact = s.anonymous ? null : extras.contact;
  return view;
}
