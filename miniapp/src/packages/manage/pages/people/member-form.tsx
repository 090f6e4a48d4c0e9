import { useMemo, useState } from 'react';
import type { MemberInput, UnitView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ApiError } from '@/api/api-error';
import SectionCard from '@/components/section-card';
import SelectField from '@/components/select-field';
import TextField from '@/components/text-field';
import { asFieldError, type FieldErrors } from '@/api/field-errors';
import { useFormErrors } from '@/hooks/use-form-errors';

const NO_BRANCH = 'none';
const FIELDS = ['name', 'phone', 'unitId', 'branchId'] as const;

export interface MemberFormProps {
  units: UnitView[];
  unitsError: ApiError | undefined;
  saving: boolean;
  error: ApiError | undefined;
  onSubmit: (input: MemberInput) => void;
  onCancel: () => void;
}

/** Spaces, dashes and +86 as people type them; the server normalizes the same way. */
function normalizePhone(text: string): string {
  return text.replace(/[\s-]/g, '').replace(/^\+?86/, '');
}

/** One person entered by hand; many come in through the roster import. */
export default function MemberForm({ units, unitsError, saving, error, onSubmit, onCancel }: MemberFormProps) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [unitId, setUnitId] = useState(units.length === 1 ? units[0].id : '');
  const [branchId, setBranchId] = useState(NO_BRANCH);
  // The only conflict here is a phone number already on the roster.
  const shown = useMemo(() => asFieldError(error, 'CONFLICT', 'phone'), [error]);
  const { errors, message: banner, clear, setLocal } = useFormErrors(shown, FIELDS);
  const unit = units.find((item) => item.id === unitId);

  const submit = (): void => {
    const found: FieldErrors = {};
    const number = normalizePhone(phone);
    if (!name.trim()) found.name = '请填写姓名';
    if (!/^1[3-9]\d{9}$/.test(number)) found.phone = '手机号格式不正确，请填写 11 位手机号';
    if (!unit) found.unitId = '请选择所在单位';
    setLocal(found);
    if (!unit || Object.keys(found).length > 0) return;
    onSubmit({ name: name.trim(), phone: number, unitId: unit.id, branchId: branchId === NO_BRANCH ? null : branchId });
  };

  return (
    <SectionCard className="member-form" title="新增党员">
      {banner ? (
        <View className="manage-banner member-form__error" role="alert">
          <Text>{banner}</Text>
        </View>
      ) : null}
      <TextField className="member-form__name" label="姓名" required value={name}
        maxLength={50}
        onChange={(value) => {
          setName(value);
          clear('name');
        }}
        error={errors.name}
      />
      <TextField
        className="member-form__phone"
        label="手机号"
        required
        value={phone}
        maxLength={20}
        hint="本人绑定微信时用此号码核对身份；保存后只显示打码的号码"
        onChange={(value) => {
          setPhone(value);
          clear('phone');
        }}
        error={errors.phone}
      />
      <SelectField
        className="member-form__unit"
        label="所在单位"
        required
        value={unitId}
        options={units.map((item) => ({ value: item.id, label: item.name, description: item.code }))}
        hint={unitsError ? `单位列表未能加载：${unitsError.message}` : undefined}
        onChange={(value) => {
          setUnitId(value);
          setBranchId(NO_BRANCH);
          clear('unitId');
          clear('branchId');
        }}
        error={errors.unitId}
      />
      {unit ? (
        <SelectField
          className="member-form__branch"
          label="所在支部"
          value={branchId}
          options={[{ value: NO_BRANCH, label: '不指定支部' }, ...unit.branches.map((branch) => ({ value: branch.id, label: branch.name }))]}
          onChange={(value) => {
            setBranchId(value);
            clear('branchId');
          }}
          error={errors.branchId}
        />
      ) : null}
      <View className="manage-actions">
        <Button className="manage-actions__item member-form__submit" type="primary" loading={saving} disabled={saving} onClick={submit}>
          保存
        </Button>
        <Button className="manage-actions__item member-form__cancel" disabled={saving} onClick={onCancel}>
          取消
        </Button>
      </View>
    </SectionCard>
  );
}
