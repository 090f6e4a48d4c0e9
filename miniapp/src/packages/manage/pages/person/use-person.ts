import { useCallback, useState } from 'react';
import type {
  InviteCodeResponse,
  MemberStatusRequest,
  MemberTransferRequest,
  MemberUpdate,
  RoleAssignmentInput,
  RoleAssignmentView,
} from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import {
  changeMemberStatus,
  createInviteCode,
  getMember,
  getMemberHistory,
  grantMemberRole,
  revealMemberPhone,
  revokeMemberRole,
  transferMember,
  unbindMemberWechat,
  updateMember,
} from '@/api/org';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';
import { confirmAction, tellFailure } from '@/services/confirm';
import { toast } from '@/services/toast';

/** The one form open on the page at a time. */
export type PersonPanel = 'edit' | 'transfer' | 'status' | 'role' | null;

export function usePerson(memberId: string) {
  const member = useQuery(() => getMember(memberId), [memberId]);
  const history = useQuery(() => getMemberHistory(memberId), [memberId]);
  const reloadMember = member.reload;
  const reloadHistory = history.reload;
  const [panel, setPanel] = useState<PersonPanel>(null);
  const [invite, setInvite] = useState<InviteCodeResponse | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [phoneError, setPhoneError] = useState<ApiError | null>(null);
  const [revealing, setRevealing] = useState(false);

  const refresh = useCallback(async (): Promise<void> => {
    await Promise.all([reloadMember(), reloadHistory()]);
  }, [reloadMember, reloadHistory]);

  const edit = useSubmit((key: string, body: MemberUpdate) => updateMember(memberId, body, key));
  const transfer = useSubmit((key: string, body: MemberTransferRequest) => transferMember(memberId, body, key));
  const status = useSubmit((key: string, body: MemberStatusRequest) => changeMemberStatus(memberId, body, key));
  const grant = useSubmit((key: string, body: RoleAssignmentInput) => grantMemberRole(memberId, body, key));
  const issueInvite = useSubmit((key: string) => createInviteCode(memberId, key));
  // The server answers 204; `true` tells success apart from a failure, which resolves undefined.
  const unbind = useSubmit(async (key: string) => {
    await unbindMemberWechat(memberId, key);
    return true;
  });

  const clearErrors = [
    edit.clearError,
    transfer.clearError,
    status.clearError,
    grant.clearError,
    issueInvite.clearError,
    unbind.clearError,
  ];
  const open = (next: PersonPanel): void => {
    for (const clear of clearErrors) clear();
    setPanel(next);
  };

  /** Runs a confirmed write, then closes the form and shows the member and history as they are now. */
  const afterWrite = async (done: unknown, message: string): Promise<void> => {
    if (done === undefined) return;
    toast(message);
    setPanel(null);
    await refresh();
  };

  const saveEdit = async (body: MemberUpdate): Promise<void> => {
    await afterWrite(await edit.run(body), '已保存');
  };

  const saveTransfer = async (body: MemberTransferRequest, summary: string): Promise<void> => {
    if (!(await confirmAction('确认转单位', summary, '转出'))) return;
    await afterWrite(await transfer.run(body), '已转单位');
  };

  const saveStatus = async (body: MemberStatusRequest, summary: string): Promise<void> => {
    if (!(await confirmAction('确认变更状态', summary, '确定'))) return;
    await afterWrite(await status.run(body), '状态已更新');
  };

  const saveGrant = async (body: RoleAssignmentInput): Promise<void> => {
    await afterWrite(await grant.run(body), '已授予');
  };

  const revoke = async (role: RoleAssignmentView, label: string): Promise<void> => {
    if (!(await confirmAction('撤销角色', `确定撤销“${label}”吗？撤销后该党员将不能再办理这项工作。`, '撤销'))) return;
    try {
      await revokeMemberRole(memberId, role.id);
      toast('已撤销');
      await refresh();
    } catch (caught) {
      tellFailure('无法撤销', asApiError(caught).message);
    }
  };

  const generateInvite = async (name: string): Promise<void> => {
    const sure = await confirmAction(
      '生成邀请码',
      `为“${name}”生成绑定微信用的邀请码？之前生成但未使用的邀请码将失效。`,
      '生成',
    );
    if (!sure) return;
    const code = await issueInvite.run();
    if (code) setInvite(code);
  };

  const unbindWechat = async (name: string): Promise<void> => {
    const sure = await confirmAction(
      '解除微信绑定',
      `确定解除“${name}”的微信绑定吗？其登录将全部失效，需要重新绑定微信后才能使用。`,
      '解除',
    );
    if (!sure) return;
    if (await unbind.run()) {
      toast('已解除绑定');
      await refresh();
    }
  };

  const reveal = async (): Promise<void> => {
    if (revealing) return;
    setRevealing(true);
    setPhoneError(null);
    try {
      setPhone((await revealMemberPhone(memberId)).phone);
    } catch (caught) {
      setPhoneError(asApiError(caught));
    } finally {
      setRevealing(false);
    }
  };

  return {
    member,
    history,
    panel,
    open,
    phone,
    phoneError,
    revealing,
    reveal,
    invite,
    dismissInvite: () => setInvite(null),
    edit,
    saveEdit,
    transfer,
    saveTransfer,
    status,
    saveStatus,
    grant,
    saveGrant,
    revoke,
    issueInvite,
    generateInvite,
    unbind,
    unbindWechat,
  };
}
