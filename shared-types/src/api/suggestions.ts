import type { SuggestionStatus } from '../enums.js';
import type { PageQuery } from './pagination.js';

/** 意见建议: required by the state rules on government apps; anyone signed in may send one. */
export interface SuggestionInput {
  content: string;
  /** Hidden from the organizers handling it (kept for the sender's own list). */
  anonymous?: boolean;
  /** Optional way back to the sender besides the in-app reply. */
  contact?: string | null;
}

export interface SuggestionView {
  id: string;
  content: string;
  anonymous: boolean;
  status: SuggestionStatus;
  reply: string | null;
  repliedAt: string | null;
  createdAt: string;
  /** Null when anonymous, or when the caller is the sender. */
  authorName: string | null;
  /**
   * The sender's contact, only on one suggestion opened by id: masked (if a phone number) for the sender, in full for a
   * district organizer handling a named one (that read is audited). Absent in lists and never given when anonymous.
   */
  contact?: string | null;
}

/** `GET /api/v1/suggestions` (district organizers) and `GET /api/v1/suggestions/mine`: newest first. */
export interface SuggestionListQuery extends PageQuery {
  /** Organizers' list only. */
  status?: SuggestionStatus;
}

export interface SuggestionReplyInput {
  reply: string;
  status?: Extract<SuggestionStatus, 'in_progress' | 'replied' | 'closed'>;
}
