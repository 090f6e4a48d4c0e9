import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { HouseholdInput } from '@pioneer/shared-types';
import { createHousehold } from '@/api/households';
import type { FieldErrors } from '@/api/field-errors';
import { ROUTES } from '@/constants/routes';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useSubmit } from '@/hooks/use-submit';
import { toast } from '@/services/toast';
import type { PickerOption } from '../../components/search-picker';
import type { PlaceKind } from '../../components/place-choice';
import { isStaff, useViewer } from '../../shared/viewer';

export const NAME_MAX = 30;
export const ADDRESS_MAX = 200;
export const REASON_MAX = 200;
const FIELDS = ['communityId', 'village', 'contactName', 'phone', 'address', 'consent', 'memberId', 'onBehalfReason'] as const;
const PHONE = /^1\d{10}$/;

export function useHouseholdNew() {
  const viewer = useViewer();
  const staff = isStaff(viewer.data);
  const [kind, setKindValue] = useState<PlaceKind>('community');
  const [community, setCommunityValue] = useState<PickerOption | null>(null);
  const [village, setVillageValue] = useState('');
  const [contactName, setContactNameValue] = useState('');
  const [phone, setPhoneValue] = useState('');
  const [address, setAddressValue] = useState('');
  const [consent, setConsentValue] = useState(false);
  const [member, setMemberValue] = useState<PickerOption | null>(null);
  const [reason, setReasonValue] = useState('');

  const submission = useSubmit((key: string, body: HouseholdInput) => createHousehold(body, key));
  const form = useFormErrors(submission.error, FIELDS);
  const { clear, setLocal } = form;

  const edit = <T,>(set: (value: T) => void, ...fields: string[]) => (value: T) => {
    set(value);
    fields.forEach(clear);
  };

  const submit = useCallback(async (): Promise<void> => {
    const local: FieldErrors = {};
    if (kind === 'community' && !community) local.communityId = '请选择住户所在的社区';
    if (kind === 'village' && village.trim() === '') local.village = '请填写住户所在的村';
    if (contactName.trim() === '') local.contactName = '请填写联系人姓名';
    if (phone.trim() !== '' && !PHONE.test(phone.trim())) local.phone = '请填写 11 位手机号，或不填';
    if (address.trim() === '') local.address = '请填写住址';
    if (!consent) local.consent = '请先征得住户同意，再登记其信息';
    if (member && reason.trim() === '') local.onBehalfReason = '为其他党员登记时，请写明原因';
    setLocal(local);
    if (Object.keys(local).length > 0) return;
    const body: HouseholdInput = {
      communityId: kind === 'community' ? community!.id : null,
      village: kind === 'village' ? village.trim() : null,
      contactName: contactName.trim(),
      phone: phone.trim() || null,
      address: address.trim(),
      consent,
      ...(member ? { memberId: member.id, onBehalfReason: reason.trim() } : {}),
    };
    const created = await submission.run(body);
    if (!created) return;
    toast('已登记', 'success');
    Taro.redirectTo({ url: `${ROUTES.household}?id=${encodeURIComponent(created.id)}` }).catch(() => undefined);
  }, [kind, community, village, contactName, phone, address, consent, member, reason, setLocal, submission]);

  return {
    signedIn: viewer.signedIn,
    staff,
    kind,
    setKind: edit(setKindValue, 'communityId', 'village'),
    community,
    setCommunity: edit(setCommunityValue, 'communityId'),
    village,
    setVillage: edit(setVillageValue, 'village'),
    contactName,
    setContactName: edit(setContactNameValue, 'contactName'),
    phone,
    setPhone: edit(setPhoneValue, 'phone'),
    address,
    setAddress: edit(setAddressValue, 'address'),
    consent,
    setConsent: edit(setConsentValue, 'consent'),
    member,
    setMember: edit(setMemberValue, 'memberId', 'onBehalfReason'),
    reason,
    setReason: edit(setReasonValue, 'onBehalfReason'),
    errors: form.errors,
    formError: form.message,
    submitting: submission.pending,
    submit,
  };
}
