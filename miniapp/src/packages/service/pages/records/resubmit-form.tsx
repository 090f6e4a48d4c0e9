import { useState } from 'react';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, type ServiceRecordView, type ServiceType } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { resubmitService } from '@/api/services';
import FieldError from '@/components/field-error';
import HoursStepper from '@/components/hours-stepper';
import SelectField from '@/components/select-field';
import TextField from '@/components/text-field';
import { durationHours, formatHours } from '@/format/hours';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useSubmit } from '@/hooks/use-submit';
import { toast } from '@/services/toast';

const FIELDS = ['serviceType', 'description', 'proposedHours', 'hoursReason'] as const;
const DESCRIPTION_MIN = 5;
const DESCRIPTION_MAX = 500;
const REASON_MIN = 2;
const REASON_MAX = 200;
const MAX_HOURS = 8;
const TYPE_OPTIONS = SERVICE_TYPES.map((value) => ({ value, label: SERVICE_TYPE_LABELS[value] }));

export interface ResubmitFormProps {
  record: ServiceRecordView;
  onDone: (created: ServiceRecordView) => void;
  onCancel: () => void;
}

/** A rejected record corrected in place: what was done, and the hours, with a reason above the visit's duration. */
export default function ResubmitForm({ record, onDone, onCancel }: ResubmitFormProps) {
  const actual = durationHours(record.startedAt, record.endedAt ?? record.startedAt);
  const [serviceType, setServiceType] = useState<ServiceType | ''>(record.serviceType ?? '');
  const [description, setDescription] = useState(record.description ?? '');
  const [hours, setHours] = useState(() => Math.min(record.proposedHours > 0 ? record.proposedHours : actual, MAX_HOURS));
  const [reason, setReason] = useState(record.hoursReason ?? '');
  const submit = useSubmit((key: string, body: Parameters<typeof resubmitService>[1]) => resubmitService(record.id, body, key));
  const form = useFormErrors(submit.error, FIELDS);
  const above = hours > actual;

  const send = async (): Promise<void> => {
    const local: Record<string, string> = {};
    const text = description.trim();
    const why = reason.trim();
    if (serviceType === '') local.serviceType = '请选择服务类型';
    if (text.length < DESCRIPTION_MIN) local.description = `服务内容至少 ${DESCRIPTION_MIN} 个字，请写得具体一些`;
    if (text.length > DESCRIPTION_MAX) local.description = `服务内容不能超过 ${DESCRIPTION_MAX} 个字`;
    if (above && (why.length < REASON_MIN || why.length > REASON_MAX)) {
      local.hoursReason = `申报时长超过实际时长（约 ${formatHours(actual)}），请用 ${REASON_MIN}–${REASON_MAX} 个字说明原因`;
    }
    form.setLocal(local);
    if (Object.keys(local).length > 0 || serviceType === '') return;
    const created = await submit.run({
      serviceType,
      description: text,
      proposedHours: hours,
      ...(above && why ? { hoursReason: why } : {}),
    });
    if (created) {
      toast('已重新提交');
      onDone(created);
    }
  };

  return (
    <View className="resubmit-form">
      <Text className="resubmit-form__title">修改后重新提交</Text>
      <SelectField
        className="resubmit-form__type"
        label="服务类型"
        required
        value={serviceType}
        options={TYPE_OPTIONS}
        onChange={(value) => {
          setServiceType(value);
          form.clear('serviceType');
        }}
        error={form.errors.serviceType}
      />
      <TextField
        className="resubmit-form__description"
        label="服务内容"
        required
        multiline
        maxLength={DESCRIPTION_MAX}
        value={description}
        onChange={(value) => {
          setDescription(value);
          form.clear('description');
        }}
        error={form.errors.description}
      />
      <HoursStepper
        className="resubmit-form__hours"
        label="申报时长"
        value={hours}
        max={MAX_HOURS}
        onChange={(value) => {
          setHours(value);
          form.clear('proposedHours');
        }}
        hint={`实际约 ${formatHours(actual)}，超过实际时长需说明原因`}
        error={form.errors.proposedHours}
      />
      {above || form.errors.hoursReason ? (
        <TextField
          className="resubmit-form__reason"
          label="说明原因"
          required
          maxLength={REASON_MAX}
          value={reason}
          onChange={(value) => {
            setReason(value);
            form.clear('hoursReason');
          }}
          error={form.errors.hoursReason}
        />
      ) : null}
      <FieldError className="resubmit-form__message" message={form.message} />
      <View className="service-actions">
        <Button className="service-action resubmit-form__submit" type="primary" size="large" block loading={submit.pending} onClick={() => void send()}>
          重新提交
        </Button>
        <Button className="service-action resubmit-form__cancel" size="large" block disabled={submit.pending} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
