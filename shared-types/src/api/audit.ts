/** `GET /api/v1/admin/audit-logs` — admin only, newest first. Audit rows are append-only: there is no write endpoint. */
export interface AuditLogQuery {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditLogView {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  result: 'success' | 'failure';
  detail: Record<string, unknown> | null;
}
