import type { AuditLogView } from '@pioneer/shared-types';
import type { AuditLogEntity } from './audit-log.entity.js';

function parseDetail(detail: string | null): Record<string, unknown> | null {
  if (!detail) return null;
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    return { raw: detail };
  }
}

export function mapAuditLog(a: AuditLogEntity, actorName: string | null): AuditLogView {
  return {
    id: a.id,
    at: a.createdAt.toISOString(),
    actorId: a.actorId,
    actorName,
    action: a.action,
    targetType: a.targetType,
    targetId: a.targetId,
    ip: a.ip,
    result: a.result,
    detail: parseDetail(a.detail),
  };
}
