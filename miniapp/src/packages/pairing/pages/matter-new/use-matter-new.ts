import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { MatterInput } from '@pioneer/shared-types';
import type { FieldErrors } from '@/api/field-errors';
import { createMatter } from '@/api/households';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useSubmit } from '@/hooks/use-submit';
import { toast } from '@/services/toast';
import type { PlaceKind } from '../../components/place-choice';
import type { PickerOption } from '../../components/search-picker';
import { dayKey, isDay } from '../../shared/dates';

export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 1000;
const FIELDS = ['title', 'unitId', 'communityId', 'village', 'doneOn', 'beneficiaries', 'description'] as const;

export function useMatterNew() {
  const [title, setTitleValue] = useState('');
  const [unit, setUnitValue] = useState<PickerOption | null>(null);
  const [kind, setKindValue] = useState<PlaceKind>('community');
  const [community, setCommunityValue] = useState<PickerOption | null>(null);
  const [village, setVillageValue] = useState('');
  const [doneOn, setDoneOnValue] = useState(() => dayKey(new Date()));
  const [beneficiaries, setBeneficiariesValue] = useState('');
  const [description, setDescriptionValue] = useState('');

  const submission = useSubmit((key: string, body: MatterInput) => createMatter(body, key));
  const form = useFormErrors(submission.error, FIELDS);
  const { clear, setLocal } = form;
  const edit = <T,>(set: (value: T) => void, ...fields: string[]) => (value: T) => {
    set(value);
    fields.forEach(clear);
  };

  const submit = useCallback(async (): Promise<void> => {
    const local: FieldErrors = {};
    const day = doneOn.trim();
    const count = Number(beneficiaries.trim());
    if (title.trim() === '') local.title = '请填写实事名称';
    if (!unit) local.unitId = '请选择办理单位';
    if (kind === 'community' && !community) local.communityId = '请选择社区';
    if (kind === 'village' && village.trim() === '') local.village = '请填写村名';
    if (!isDay(day)) local.doneOn = '请按“2026-03-05”的格式写日期';
    else if (day > dayKey(new Date())) local.doneOn = '办理日期不能晚于今天';
    if (!/^\d+$/.test(beneficiaries.trim()) || count < 1) local.beneficiaries = '请填写惠及人数（至少 1 人）';
    if (description.trim() === '') local.description = '请简要写明办了什么';
    setLocal(local);
    if (Object.keys(local).length > 0) return;
    const body: MatterInput = {
      title: title.trim(),
      unitId: unit!.id,
      communityId: kind === 'community' ? community!.id : null,
      village: kind === 'village' ? village.trim() : null,
      doneOn: day,
      beneficiaries: count,
      description: description.trim(),
    };
    const created = await submission.run(body);
    if (!created) return;
    toast('已登记', 'success');
    Taro.navigateBack().catch(() => undefined);
  }, [title, unit, kind, community, village, doneOn, beneficiaries, description, setLocal, submission]);

  return {
    title,
    setTitle: edit(setTitleValue, 'title'),
    unit,
    setUnit: edit(setUnitValue, 'unitId'),
    kind,
    setKind: edit(setKindValue, 'communityId', 'village'),
    community,
    setCommunity: edit(setCommunityValue, 'communityId'),
    village,
    setVillage: edit(setVillageValue, 'village'),
    doneOn,
    setDoneOn: edit(setDoneOnValue, 'doneOn'),
    beneficiaries,
    setBeneficiaries: edit(setBeneficiariesValue, 'beneficiaries'),
    description,
    setDescription: edit(setDescriptionValue, 'description'),
    errors: form.errors,
    formError: form.message,
    submitting: submission.pending,
    submit,
  };
}
