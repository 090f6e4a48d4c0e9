import { AuditLogEntity } from '../audit/audit-log.entity.js';
import { mapAuditHistory } from './org.mapper.js';

function audit(action: string, detail: Record<string, unknown> | null, targetId = 'm1'): AuditLogEntity {
  return Object.assign(new AuditLogEntity(), {
    id: 'a1',
    actorId: 'x',
    action,
    targetType: 'member',
    targetId,
    ip: null,
    result: 'success' as const,
    detail: detail ? JSON.stringify(detail) : null,
    createdAt: new Date('2026-03-01T08:00:00.123Z'),
  });
}

describe('mapAuditHistory', () => {
  it('names role changes by role and the scope name kept at the time', () => {
    expect(mapAuditHistory(audit('member.role_grant', { role: 'worker', scopeName: '向阳社区' }), 'm1', '周平')).toEqual({
      at: '2026-03-01T08:00:00.123Z',
      kind: 'roles',
      summary: '获得角色：社区工作者（向阳社区）',
      actorName: '周平',
    });
    expect(mapAuditHistory(audit('member.role_revoke', { role: 'organizer', scopeName: '全区' }), 'm1', null)?.summary).toBe(
      '撤销角色：组织者（全区）',
    );
  });

  it('tells the handover from each side', () => {
    const detail = { fromMemberId: 'm1', fromName: '刘芳', toMemberId: 'm2', toName: '赵丽华', moved: 1, scopes: ['向阳社区'], reason: '调岗' };
    expect(mapAuditHistory(audit('worker.handover', detail), 'm1', null)?.summary).toBe('将 1 项社区工作者职责（向阳社区） 移交给 赵丽华；原因：调岗');
    expect(mapAuditHistory(audit('worker.handover', detail, 'm2'), 'm2', null)?.summary).toBe('接任 刘芳 移交的 1 项社区工作者职责（向阳社区）；原因：调岗');
  });

  it('shows WeChat binding and unbinding, and leaves other actions out', () => {
    expect(mapAuditHistory(audit('auth.bind', { method: 'phone' }), 'm1', '张建国')).toMatchObject({ kind: 'binding', summary: '绑定微信' });
    expect(mapAuditHistory(audit('member.unbind', null), 'm1', '陈明')).toMatchObject({ kind: 'binding', summary: '解除微信绑定' });
    expect(mapAuditHistory(audit('member.phone_reveal', null), 'm1', null)).toBeNull();
  });

  it('survives a detail that is not JSON', () => {
    const row = audit('member.role_grant', null);
    row.detail = 'not json';
    expect(mapAuditHistory(row, 'm1', null)?.summary).toBe('获得角色：');
  });
});
