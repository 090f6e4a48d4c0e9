import { useMemo, useRef, useState } from 'react';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitInput, type UnitKind, type UnitView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ApiError } from '@/api/api-error';
import FieldError from '@/components/field-error';
import SectionCard from '@/components/section-card';
import SelectField from '@/components/select-field';
import TextField from '@/components/text-field';
import { asFieldError, type FieldErrors } from '@/api/field-errors';
import { useFormErrors } from '@/hooks/use-form-errors';

export interface UnitFormProps {
  unit: UnitView | null;
  saving: boolean;
  error: ApiError | undefined;
  onSubmit: (input: UnitInput) => void;
  onCancel: () => void;
}

// `branches.*`: an error about one branch (`branches.2`) shows beside that row; `branches` about the list as a whole.
const FIELDS = ['name', 'kind', 'code', 'brandName', 'brandIntro', 'branches', 'branches.*'] as const;
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
  // The rows on screen of the branches last sent: empty rows are left out, so the server's `branches.<n>` counts
  // only the sent ones and is mapped back to the row it is about.
  const sentRows = useRef<number[]>([]);
  const shown = useMemo(() => {
    const named = asFieldError(error, 'UNIT_CODE_TAKEN', 'code');
    if (!named || !Array.isArray(named.details)) return named;
    const details = named.details.map((detail) => {
      const sent = /^branches\.(\d+)$/.exec(detail.field);
      const row = sent ? sentRows.current[Number(sent[1])] : undefined;
      return row === undefined ? detail : { ...detail, field: `branches.${row}` };
    });
    return new ApiError(named.code, named.message, named.status, details);
  }, [error]);
  const { errors, message: banner, clear, setLocal } = useFormErrors(shown, FIELDS);
  /** Wraps a setter so editing the field takes its error away. */
  const edit =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T): void => {
      set(value);
      clear(field);
    };

  const submit = (): void => {
    const found = checkLocally({ name, code, kind, branches });
    setLocal(found);
    if (Object.keys(found).length > 0 || !kind) return;
    sentRows.current = branches.flatMap((branch, index) => (branch.trim() ? [index] : []));
    onSubmit({
      name: name.trim(),
      kind,
      code: code.trim(),
      brandName: brandName.trim() || null,
      brandIntro: brandIntro.trim() || null,
      branches: branches.map((branch) => branch.trim()).filter(Boolean),
    });
  };

  const setBranch = (index: number, value: string): void => {
    setBranches((current) => current.map((branch, i) => (i === index ? value : branch)));
    clear(`branches.${index}`);
    clear('branches');
  };
  // Row numbers shift when one is removed: the errors filed by row number no longer point at the right rows.
  const removeBranch = (index: number): void => {
    setBranches((current) => current.filter((_, i) => i !== index));
    branches.forEach((_, i) => clear(`branches.${i}`));
    clear('branches');
  };

  return (
    <SectionCard className="unit-form" title={unit ? `修改：${unit.name}` : '新增单位'}>
      {banner ? (
        <View className="manage-banner unit-form__error" role="alert">
          <Text>{banner}</Text>
        </View>
      ) : null}
      <TextField className="unit-form__name" label="单位名称" required value={name} maxLength={100} onChange={edit('name', setName)} error={errors.name} />
      <SelectField
        className="unit-form__kind"
        label="单位类别"
        required
        value={kind}
        options={KIND_OPTIONS}
        onChange={edit('kind', setKind)}
        error={errors.kind}
      />
      <TextField
        className="unit-form__code"
        label="单位代码"
        required
        value={code}
        maxLength={50}
        hint="用于导入名册时识别单位，如 JG001"
        onChange={edit('code', setCode)}
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
            onClick={() => removeBranch(index)}
          >
            移除
          </Text>
        </View>
      ))}
      <FieldError className="unit-form__branches-error" message={errors.branches} />
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
        onChange={edit('brandName', setBrandName)}
        error={errors.brandName}
      />
      <TextField
        className="unit-form__brand-intro"
        label="品牌介绍"
        value={brandIntro}
        maxLength={500}
        multiline
        onChange={edit('brandIntro', setBrandIntro)}
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
