import type { MessageKind } from '../enums.js';

/** The in-app inbox every feature writes to. */
export interface MessageView {
  id: string;
  kind: MessageKind;
  title: string;
  body: string;
  /** Page to open, e.g. a record's detail. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface UnreadCountResponse {
  unread: number;
  /** For workers: records waiting for them in their communities (a work queue, not a statistic of people). */
  pendingForWorker?: number;
  /** For workers: the same work split by queue, so each tile shows its own count (registrations to review, records to confirm). */
  pendingWork?: { registrations: number; services: number };
}

export interface MessageListQuery {
  page?: number;
  pageSize?: number;
  /** Only unread messages. */
  unread?: boolean;
}

/** The subscribe-message templates configured for this deployment; the mini-program asks for these (≤ 3 per tap). */
export interface SubscribeTemplatesResponse {
  templates: Array<{ kind: MessageKind; templateId: string }>;
}

/** What wx.requestSubscribeMessage answered: the ids asked for, and those the person accepted. */
export interface SubscribeAcceptRequest {
  templateIds: string[];
  accepted: string[];
}

/** One-time acceptances still unspent, per template. */
export interface SubscribeAcceptResponse {
  acceptances: Array<{ templateId: string; available: number }>;
}
