import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ServiceCorrectionRequest, ServiceRecordView } from '@pioneer/shared-types';
import FieldError from '@/components/field-error';
import TextField from '@/components/text-field';
import type { FormErrors } from '@/hooks/use-form-errors';
import { formatSpan } from '@/format/date-time';
import { HOURS_RULE, parseHours } from '../../shared/hours';
import '@/components/reason-dialog/index.scss';

const REASON_MIN = 2;

export interface CorrectionDialogProps {
  record: ServiceRecordView | null;
  pending: boolean;
  errors: FormErrors;
  onCancel: () => void;
  onSubmit: (body: ServiceCorrectionRequest) => void;
}

/**
 * 更正: after the undo window a decided record is changed only with a reason, which the member reads and the audit
 * keeps. The hours start at what was credited (or, for a rejected record, what the times suggest).
 */
export default function CorrectionDialog({ record, pending, errors, onCancel, onSubmit }: CorrectionDialogProps) {
  const [decision, setDecision] = useState<ServiceCorrectionRequest['decision']>('confirm');
  const [hours, setHours] = useState('');
  const [reason, setReason] = useState('');
  const { clear, setLocal } = errors;

  useEffect(() => {
    if (!record) return;
    setDecision(record.status === 'confirmed' ? 'confirm' : 'reject');
    const start = record.status === 'confirmed' ? record.hours : record.proposedHours;
    setHours(start > 0 ? String(start) : '');
    setReason('');
  }, [record]);

  if (!record) return null;

  const submit = (): void => {
    const local: Record<string, string> = {};
    const value = decision === 'confirm' ? parseHours(hours) : null;
    if (decision === 'confirm' && value === null) local.hours = hours.trim() === '' ? '请填写计入时长' : HOURS_RULE;
    if (reason.trim().length < REASON_MIN) local.reason = `请填写更正理由（至少 ${REASON_MIN} 个字）`;
    setLocal(local);
    if (Object.keys(local).length > 0) return;
    onSubmit({ decision, reason: reason.trim(), ...(decision === 'confirm' && value !== null ? { hours: value } : {}) });
  };

  const choose = (next: ServiceCorrectionRequest['decision']) => {
    setDecision(next);
    clear('decision');
    clear('hours');
  };

  return (
    <View className="reason-dialog queue-correct-dialog">
      <View className="reason-dialog__mask" onClick={() => (pending ? undefined : onCancel())} />
      <View className="reason-dialog__panel" role="dialog" aria-label="更正服务记录">
        <Text className="reason-dialog__title">更正服务记录</Text>
        <Text className="reason-dialog__note">{`${record.member.name} ${formatSpan(record.startedAt, record.endedAt)}；更正理由会发送给党员本人`}</Text>
        <View className="queue-correct__choices" role="radiogroup">
          {(['confirm', 'reject'] as const).map((option) => (
            <View
              key={option}
              role="radio"
              aria-checked={decision === option}
              className={`queue-correct__choice queue-correct__choice--${option}${decision === option ? ' queue-correct__choice--active' : ''}`}
              onClick={() => choose(option)}
            >
              <Text>{option === 'confirm' ? '确认并计入时长' : '改为退回'}</Text>
            </View>
          ))}
        </View>
        <FieldError message={errors.errors.decision} />
        {decision === 'confirm' ? (
          <TextField
            className="queue-correct__hours"
            label="计入时长（小时）"
            type="digit"
            value={hours}
            maxLength={4}
            placeholder="如 1.5"
            error={errors.errors.hours}
            onChange={(value) => {
              setHours(value);
              clear('hours');
            }}
          />
        ) : null}
        <TextField
          className="queue-correct__reason"
          label="更正理由"
          multiline
          required
          value={reason}
          maxLength={200}
          placeholder="如：核对纸质签到表后按实际时长更正"
          error={errors.errors.reason}
          onChange={(value) => {
            setReason(value);
            clear('reason');
          }}
        />
        {errors.message ? (
          <View className="reason-dialog__error" role="alert">
            {errors.message}
          </View>
        ) : null}
        <View className="reason-dialog__actions">
          <Button className="reason-dialog__cancel queue-correct__cancel" size="large" disabled={pending} onClick={onCancel}>
            取消
          </Button>
          <Button
            className="reason-dialog__submit queue-correct__submit"
            type="primary"
            size="large"
            loading={pending}
            disabled={pending}
            onClick={submit}
          >
            提交更正
          </Button>
        </View>
      </View>
    </View>
  );
}
