import { useState } from 'react';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitInput, type UnitKind, type UnitView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ApiError } from '@/api/api-error';
import SectionCard from '@/components/section-card';
import SelectField from '@/components/select-field';
import TextField from '@/components/text-field';
import { fieldErrorsOf, hasFieldErrors, type FieldErrors } from '@/api/field-errors';

export interface UnitFormProps {
  unit: UnitView | null;
  saving: boolean;
  error: ApiError | undefined;
  onSubmit: (input: UnitInput) => void;
  onCancel: () => void;
}

const FIELDS = ['name', 'kind', 'code', 'brandName', 'brandIntro', 'branches'] as const;
const KIND_OPTIONS = UNIT_KINDS.map((kind) => ({ value: kind, label: UNIT_KIND_LABELS[kind] }));

/** Checks what the server would refuse anyway, so the common mistakes show at once, beside their field. */
function checkLocally(values: { name: string; code: string; kind: UnitKind | ''; branches: string[] }): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = '请填写单位名称';
  if (!values.code.trim()) errors.code = '请填写单位代码';
  if (!values.kind) errors.kind = '请选择单位类别';
  const seen = new Set<string>();
  values.branches.forEach((branch, index) => {
    const name = branch.trim();
    if (!name) return;
    if (seen.has(name)) errors[`branches.${index}`] = '支部名称重复';
    seen.add(name);
  });
  return errors;
}

export default function UnitForm({ unit, saving, error, onSubmit, onCancel }: UnitFormProps) {
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<UnitKind | ''>(unit?.kind ?? '');
  const [code, setCode] = useState(unit?.code ?? '');
  const [brandName, setBrandName] = useState(unit?.brandName ?? '');
  const [brandIntro, setBrandIntro] = useState(unit?.brandIntro ?? '');
  const [branches, setBranches] = useState<string[]>(unit ? unit.branches.map((branch) => branch.name) : ['']);
  const [local, setLocal] = useState<FieldErrors>({});

  const server = fieldErrorsOf(error);
  if (error?.code === 'UNIT_CODE_TAKEN' && !server.code) server.code = error.message;
  const errors: FieldErrors = { ...server, ...local };
  const banner = error && !hasFieldErrors(error, FIELDS) && error.code !== 'UNIT_CODE_TAKEN' ? error.message : null;

  const submit = (): void => {
    const found = checkLocally({ name, code, kind, branches });
    setLocal(found);
    if (Object.keys(found).length > 0 || !kind) return;
    onSubmit({
      name: name.trim(),
      kind,
      code: code.trim(),
      brandName: brandName.trim() || null,
      brandIntro: brandIntro.trim() || null,
      branches: branches.map((branch) => branch.trim()).filter(Boolean),
    });
  };

  const setBranch = (index: number, value: string): void =>
    setBranches((current) => current.map((branch, i) => (i === index ? value : branch)));

  return (
    <SectionCard className="unit-form" title={unit ? `修改：${unit.name}` : '新增单位'}>
      {banner ? (
        <View className="manage-banner unit-form__error">
          <Text>{banner}</Text>
        </View>
      ) : null}
      <TextField className="unit-form__name" label="单位名称" required value={name} maxLength={100} onChange={setName} error={errors.name} />
      <SelectField
        className="unit-form__kind"
        label="单位类别"
        required
        value={kind}
        options={KIND_OPTIONS}
        onChange={setKind}
        error={errors.kind}
      />
      <TextField
        className="unit-form__code"
        label="单位代码"
        required
        value={code}
        maxLength={50}
        hint="用于导入名册时识别单位，如 JG001"
        onChange={setCode}
        error={errors.code}
      />
      <Text className="unit-form__section">支部</Text>
      {branches.map((branch, index) => (
        <View key={index} className="unit-form__branch">
          <View className="unit-form__branch-input">
            <TextField
              label={`支部 ${index + 1}`}
              value={branch}
              maxLength={100}
              placeholder="支部名称"
              onChange={(value) => setBranch(index, value)}
              error={errors[`branches.${index}`]}
            />
          </View>
          <Text
            className="manage-link manage-link--danger unit-form__branch-remove"
            onClick={() => setBranches((current) => current.filter((_, i) => i !== index))}
          >
            移除
          </Text>
        </View>
      ))}
      {errors.branches && !branches.some((_, index) => errors[`branches.${index}`]) ? (
        <Text className="unit-form__branches-error">{errors.branches}</Text>
      ) : null}
      <Text className="manage-link unit-form__branch-add" onClick={() => setBranches((current) => [...current, ''])}>
        + 添加支部
      </Text>
      {unit ? <Text className="manage-meta">移除仍有党员的支部会被拒绝，请先为这些党员调整支部。</Text> : null}

      <Text className="unit-form__section">党建品牌（可不填）</Text>
      <TextField
        className="unit-form__brand-name"
        label="品牌名称"
        value={brandName}
        maxLength={50}
        onChange={setBrandName}
        error={errors.brandName}
      />
      <TextField
        className="unit-form__brand-intro"
        label="品牌介绍"
        value={brandIntro}
        maxLength={500}
        multiline
        onChange={setBrandIntro}
        error={errors.brandIntro}
      />
      <View className="manage-actions">
        <Button className="manage-actions__item unit-form__submit" type="primary" loading={saving} disabled={saving} onClick={submit}>
          保存
        </Button>
        <Button className="manage-actions__item unit-form__cancel" disabled={saving} onClick={onCancel}>
          取消
        </Button>
      </View>
    </SectionCard>
  );
}
