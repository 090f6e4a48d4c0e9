import type {
  MessageListQuery,
  MessageView,
  Page,
  SubscribeAcceptRequest,
  SubscribeAcceptResponse,
  SubscribeTemplatesResponse,
  UnreadCountResponse,
} from '@pioneer/shared-types';
import { apiRequest } from './client';

const BASE = '/api/v1/messages';

/** Unread messages, and for workers the records waiting for them (the badge on their shortcut). */
export function getUnreadCount(): Promise<UnreadCountResponse> {
  return apiRequest<UnreadCountResponse>(`${BASE}/unread-count`);
}

/** The caller's inbox, newest first. */
export function listMessages(query: MessageListQuery = {}): Promise<Page<MessageView>> {
  return apiRequest<Page<MessageView>>(BASE, {
    query: { page: query.page, pageSize: query.pageSize, unread: query.unread },
  });
}

/** Marks one message read; only the first read sets the time, so a retry changes nothing. */
export function markMessageRead(messageId: string, idempotencyKey?: string): Promise<MessageView> {
  return apiRequest<MessageView>(`${BASE}/${encodeURIComponent(messageId)}/read`, { method: 'POST', idempotencyKey });
}

export function markAllMessagesRead(idempotencyKey?: string): Promise<UnreadCountResponse> {
  return apiRequest<UnreadCountResponse>(`${BASE}/read-all`, { method: 'POST', idempotencyKey });
}

/** The WeChat subscribe-message templates this deployment uses (empty when none is configured). */
export function getSubscribeTemplates(): Promise<SubscribeTemplatesResponse> {
  return apiRequest<SubscribeTemplatesResponse>(`${BASE}/subscriptions/templates`);
}

/** Reports what wx.requestSubscribeMessage answered, so the server sends only what the person accepted. */
export function reportSubscriptions(body: SubscribeAcceptRequest, idempotencyKey?: string): Promise<SubscribeAcceptResponse> {
  return apiRequest<SubscribeAcceptResponse>(`${BASE}/subscriptions`, { method: 'POST', body, idempotencyKey });
}
