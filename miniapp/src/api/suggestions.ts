import type {
  Page,
  PageQuery,
  SuggestionInput,
  SuggestionListQuery,
  SuggestionReplyInput,
  SuggestionView,
} from '@pioneer/shared-types';
import { apiRequest } from './client';

const BASE = '/api/v1/suggestions';

/** Pass the key of the first attempt when retrying, so a retried submission is not stored twice. */
export function createSuggestion(body: SuggestionInput, idempotencyKey?: string): Promise<SuggestionView> {
  return apiRequest<SuggestionView>(BASE, { method: 'POST', body, idempotencyKey });
}

/** The caller's own, newest first. */
export function listMySuggestions(query: PageQuery = {}): Promise<Page<SuggestionView>> {
  return apiRequest<Page<SuggestionView>>(`${BASE}/mine`, { query: { page: query.page, pageSize: query.pageSize } });
}

/** The sender's own, or any for a district organizer (whose read of a contact is audited). */
export function getSuggestion(id: string): Promise<SuggestionView> {
  return apiRequest<SuggestionView>(`${BASE}/${encodeURIComponent(id)}`);
}

/** District organizers only; anyone else gets 403 FORBIDDEN. */
export function listAllSuggestions(query: SuggestionListQuery = {}): Promise<Page<SuggestionView>> {
  return apiRequest<Page<SuggestionView>>(BASE, {
    query: { page: query.page, pageSize: query.pageSize, status: query.status },
  });
}

export function replySuggestion(id: string, body: SuggestionReplyInput, idempotencyKey?: string): Promise<SuggestionView> {
  return apiRequest<SuggestionView>(`${BASE}/${encodeURIComponent(id)}/reply`, { method: 'POST', body, idempotencyKey });
}
