import { useState, type ReactNode } from 'react';
import {
  MEMBER_STATUS_LABELS,
  ROLE_LABELS,
  ROLES,
  type MemberStatusRequest,
  type MemberTransferRequest,
  type MemberUpdate,
  type MemberView,
  type Role,
  type RoleAssignmentInput,
  type ScopeKind,
} from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ApiError } from '@/api/api-error';
import { getUnit, listAllCommunities, listAllStreets, listAllUnits } from '@/api/org';
import SelectField, { type SelectOption } from '@/components/select-field';
import TextField from '@/components/text-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useQuery } from '@/hooks/use-query';
import type { FieldErrors } from '@/api/field-errors';
import { ROLE_SCOPE_KINDS, SCOPE_KIND_LABELS } from '../../shared/labels';

const NO_BRANCH = 'none';
const REASON_MAX = 200;

interface FormFrameProps {
  title: string;
  className: string;
  /** What belongs to no field (useFormErrors' `message`). */
  message: string | null;
  saving: boolean;
  submitText: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** Title, the error that belongs to no field, the fields, and 提交 / 取消. */
function FormFrame({ title, className, message, saving, submitText, onSubmit, onCancel, children }: FormFrameProps) {
  return (
    <View className={`person-form ${className}`}>
      <Text className="person-form__title">{title}</Text>
      {message ? (
        <View className="manage-banner person-form__error" role="alert">
          <Text>{message}</Text>
        </View>
      ) : null}
      {children}
      <View className="manage-actions">
        <Button className="manage-actions__item person-form__submit" type="primary" loading={saving} disabled={saving} onClick={onSubmit}>
          {submitText}
        </Button>
        <Button className="manage-actions__item person-form__cancel" disabled={saving} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

interface FormProps<T> {
  member: MemberView;
  saving: boolean;
  error: ApiError | undefined;
  onCancel: () => void;
  onSubmit: (body: T, summary: string) => void;
}

const EDIT_FIELDS = ['name', 'branchId'] as const;
const TRANSFER_FIELDS = ['toUnitId', 'toBranchId', 'reason'] as const;
const STATUS_FIELDS = ['status', 'reason'] as const;
const ROLE_FIELDS = ['role', 'scopeKind', 'scopeId'] as const;

function branchOptions(branches: { id: string; name: string }[]): SelectOption[] {
  return [{ value: NO_BRANCH, label: '不指定支部' }, ...branches.map((branch) => ({ value: branch.id, label: branch.name }))];
}

export function EditForm({ member, saving, error, onCancel, onSubmit }: FormProps<MemberUpdate>) {
  const [name, setName] = useState(member.name);
  const [branchId, setBranchId] = useState(member.branch?.id ?? NO_BRANCH);
  const { errors, message, clear, setLocal } = useFormErrors(error, EDIT_FIELDS);
  const unit = useQuery(() => getUnit(member.unit.id), [member.unit.id]);

  const submit = (): void => {
    if (!name.trim()) {
      setLocal({ name: '请填写姓名' });
      return;
    }
    setLocal({});
    onSubmit({ name: name.trim(), branchId: branchId === NO_BRANCH ? null : branchId }, '');
  };

  return (
    <FormFrame
      title="修改信息"
      className="person-edit"
      message={message}
      saving={saving}
      submitText="保存"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        label="姓名"
        required
        value={name}
        maxLength={50}
        onChange={(value) => {
          setName(value);
          clear('name');
        }}
        error={errors.name}
      />
      <SelectField
        label={`支部（${member.unit.name}）`}
        value={branchId}
        options={branchOptions(unit.data?.branches ?? (member.branch ? [member.branch] : []))}
        hint={unit.error ? `支部列表未能加载：${unit.error.message}` : '调到其他单位请用“转单位”'}
        onChange={(value) => {
          setBranchId(value);
          clear('branchId');
        }}
        error={errors.branchId}
      />
    </FormFrame>
  );
}

export function TransferForm({ member, saving, error, onCancel, onSubmit }: FormProps<MemberTransferRequest>) {
  const units = useQuery(listAllUnits, []);
  const [unitId, setUnitId] = useState('');
  const [branchId, setBranchId] = useState(NO_BRANCH);
  const [reason, setReason] = useState('');
  const { errors, message, clear, setLocal } = useFormErrors(error, TRANSFER_FIELDS);
  const others = (units.data ?? []).filter((unit) => unit.id !== member.unit.id);
  const target = others.find((unit) => unit.id === unitId);

  const submit = (): void => {
    const found: FieldErrors = {};
    if (!target) found.toUnitId = '请选择调入单位';
    if (!reason.trim()) found.reason = '请填写调动原因';
    setLocal(found);
    if (!target || Object.keys(found).length > 0) return;
    const branch = target.branches.find((item) => item.id === branchId);
    onSubmit(
      { toUnitId: target.id, toBranchId: branch ? branch.id : null, reason: reason.trim() },
      `将“${member.name}”从“${member.unit.name}”转到“${target.name}${branch ? ` · ${branch.name}` : ''}”？其服务记录和历史会保留。`,
    );
  };

  return (
    <FormFrame
      title="转单位"
      className="person-transfer"
      message={message}
      saving={saving}
      submitText="转单位"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <SelectField
        className="person-transfer__unit"
        label="调入单位"
        required
        value={unitId}
        placeholder={units.loading && !units.data ? '正在加载单位…' : '请选择'}
        options={others.map((unit) => ({ value: unit.id, label: unit.name, description: unit.code }))}
        hint={units.error ? `单位列表未能加载：${units.error.message}` : undefined}
        onChange={(value) => {
          setUnitId(value);
          setBranchId(NO_BRANCH);
          clear('toUnitId');
          clear('toBranchId');
        }}
        error={errors.toUnitId}
      />
      {target ? (
        <SelectField
          className="person-transfer__branch"
          label="调入支部"
          value={branchId}
          options={branchOptions(target.branches)}
          onChange={(value) => {
            setBranchId(value);
            clear('toBranchId');
          }}
          error={errors.toBranchId}
        />
      ) : null}
      <TextField
        className="person-transfer__reason"
        label="调动原因"
        required
        value={reason}
        maxLength={REASON_MAX}
        placeholder="如：工作调动"
        onChange={(value) => {
          setReason(value);
          clear('reason');
        }}
        error={errors.reason}
      />
    </FormFrame>
  );
}

type SettableStatus = MemberStatusRequest['status'];

const STATUS_HINTS: Record<SettableStatus, string> = {
  active: '恢复后可重新登录（未绑定微信的需重新绑定）',
  retired: '退休后记录保留，不能再登录',
  left: '离开后记录保留，不能再登录',
  transferred: '调离本区各单位；记录保留，不能再登录',
};

export function StatusForm({ member, saving, error, onCancel, onSubmit }: FormProps<MemberStatusRequest>) {
  const enrolled = member.status === 'active' || member.status === 'invited';
  const choices: SettableStatus[] = enrolled ? ['retired', 'left', 'transferred'] : ['active'];
  const [status, setStatus] = useState<SettableStatus | ''>(enrolled ? '' : 'active');
  const [reason, setReason] = useState('');
  const { errors, message, clear, setLocal } = useFormErrors(error, STATUS_FIELDS);
  const label = (value: SettableStatus): string => (value === 'active' ? '恢复在册' : `标记为${MEMBER_STATUS_LABELS[value]}`);

  const submit = (): void => {
    const found: FieldErrors = {};
    if (!status) found.status = '请选择新的状态';
    if (!reason.trim()) found.reason = '请填写原因';
    setLocal(found);
    if (!status || Object.keys(found).length > 0) return;
    onSubmit({ status, reason: reason.trim() }, `确定将“${member.name}”${label(status)}吗？${STATUS_HINTS[status]}。`);
  };

  return (
    <FormFrame
      title={enrolled ? '标记退休 / 离开' : '恢复在册'}
      className="person-status"
      message={message}
      saving={saving}
      submitText="确定"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <SelectField
        className="person-status__choice"
        label="新的状态"
        required
        value={status}
        options={choices.map((value) => ({ value, label: label(value), description: STATUS_HINTS[value] }))}
        onChange={(value) => {
          setStatus(value);
          clear('status');
        }}
        error={errors.status}
      />
      <TextField
        className="person-status__reason"
        label="原因"
        required
        value={reason}
        maxLength={REASON_MAX}
        onChange={(value) => {
          setReason(value);
          clear('reason');
        }}
        error={errors.reason}
      />
    </FormFrame>
  );
}

/** The places a scope can point at, loaded only for the kind chosen. */
function useScopeTargets(kind: ScopeKind | '') {
  return useQuery(async (): Promise<SelectOption[]> => {
    if (kind === 'community') {
      const communities = await listAllCommunities();
      return communities.map((item) => ({ value: item.id, label: item.name, description: item.streetName }));
    }
    if (kind === 'street') return (await listAllStreets()).map((item) => ({ value: item.id, label: item.name }));
    if (kind === 'unit' || kind === 'branch') {
      const units = await listAllUnits();
      if (kind === 'unit') return units.map((item) => ({ value: item.id, label: item.name, description: item.code }));
      return units.flatMap((unit) => unit.branches.map((branch) => ({ value: branch.id, label: branch.name, description: unit.name })));
    }
    return [];
  }, [kind]);
}

const NEEDS_TARGET: readonly ScopeKind[] = ['community', 'street', 'unit', 'branch'];

export function RoleForm({ member, saving, error, onCancel, onSubmit }: FormProps<RoleAssignmentInput>) {
  const [role, setRole] = useState<Role | ''>('');
  const [scopeKind, setScopeKind] = useState<ScopeKind | ''>('');
  const [scopeId, setScopeId] = useState('');
  const { errors, message, clear, setLocal } = useFormErrors(error, ROLE_FIELDS);
  const targets = useScopeTargets(scopeKind);
  const needsTarget = scopeKind !== '' && NEEDS_TARGET.includes(scopeKind);

  const chooseRole = (value: Role): void => {
    setRole(value);
    clear('role');
    clear('scopeKind');
    clear('scopeId');
    const kinds = ROLE_SCOPE_KINDS[value];
    setScopeKind(kinds.length === 1 ? kinds[0] : '');
    setScopeId('');
  };

  const submit = (): void => {
    const found: FieldErrors = {};
    if (!role) found.role = '请选择角色';
    if (!scopeKind) found.scopeKind = '请选择范围';
    if (needsTarget && !scopeId) found.scopeId = `请选择${scopeKind ? SCOPE_KIND_LABELS[scopeKind] : ''}`;
    setLocal(found);
    if (!role || !scopeKind || Object.keys(found).length > 0) return;
    onSubmit({ role, scopeKind, scopeId: needsTarget ? scopeId : null }, '');
  };

  return (
    <FormFrame
      title={`为${member.name}授予角色`}
      className="person-role-form"
      message={message}
      saving={saving}
      submitText="授予"
      onSubmit={submit}
      onCancel={onCancel}
    >
      <SelectField
        className="person-role-form__role"
        label="角色"
        required
        value={role}
        options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
        onChange={chooseRole}
        error={errors.role}
      />
      {role ? (
        <SelectField
          className="person-role-form__kind"
          label="范围"
          required
          value={scopeKind}
          options={ROLE_SCOPE_KINDS[role].map((value) => ({ value, label: SCOPE_KIND_LABELS[value] }))}
          hint={role === 'admin' ? '管理员与组织者职责须由不同账号承担' : undefined}
          onChange={(value) => {
            setScopeKind(value);
            setScopeId('');
            clear('scopeKind');
            clear('scopeId');
          }}
          error={errors.scopeKind}
        />
      ) : null}
      {needsTarget && scopeKind ? (
        <SelectField
          className="person-role-form__target"
          label={`选择${SCOPE_KIND_LABELS[scopeKind]}`}
          required
          value={scopeId}
          placeholder={targets.loading && !targets.data ? '正在加载…' : '请选择'}
          options={targets.data ?? []}
          hint={targets.error ? `列表未能加载：${targets.error.message}` : undefined}
          onChange={(value) => {
            setScopeId(value);
            clear('scopeId');
          }}
          error={errors.scopeId}
        />
      ) : null}
    </FormFrame>
  );
}
