import { useEffect, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './index.scss';

export interface ReasonDialogProps {
  open: boolean;
  title: string;
  /** One line under the title: who reads the reason, what happens next. */
  note?: string;
  placeholder?: string;
  confirmText: string;
  /** Shown when the reason is left empty. */
  requiredMessage: string;
  maxLength?: number;
  pending?: boolean;
  /** The server's answer to the last attempt. */
  error?: string;
  /** Called as the reason is edited, so the page can take away an error about the old text. */
  onEdit?: () => void;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
  className?: string;
}

/**
 * A small dialog that asks for a reason before something is refused. The reason is required because the member reads
 * it in their inbox: a refusal without one is neither fair nor useful.
 */
export default function ReasonDialog({
  open,
  title,
  note,
  placeholder = '请填写理由',
  confirmText,
  requiredMessage,
  maxLength = 200,
  pending,
  error,
  onEdit,
  onCancel,
  onConfirm,
  className,
}: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (open) {
      setReason('');
      setMissing(false);
    }
  }, [open]);

  if (!open) return null;

  const submit = (): void => {
    const trimmed = reason.trim();
    if (trimmed === '') {
      setMissing(true);
      return;
    }
    onConfirm(trimmed);
  };

  const base = className ?? 'reason-dialog';
  return (
    <View className={['reason-dialog', className].filter(Boolean).join(' ')}>
      <View className="reason-dialog__mask" onClick={() => (pending ? undefined : onCancel())} />
      <View className="reason-dialog__panel" role="dialog" aria-label={title}>
        <Text className="reason-dialog__title">{title}</Text>
        {note ? <Text className="reason-dialog__note">{note}</Text> : null}
        <Textarea
          className={`reason-dialog__input ${base}__input`}
          value={reason}
          placeholder={placeholder}
          maxlength={maxLength}
          autoHeight
          onInput={(event) => {
            setReason(event.detail.value);
            setMissing(false);
            onEdit?.();
          }}
        />
        {missing ? (
          <View className="reason-dialog__error" role="alert">
            {requiredMessage}
          </View>
        ) : error ? (
          <View className="reason-dialog__error" role="alert">
            {error}
          </View>
        ) : null}
        <View className="reason-dialog__actions">
          <Button className={`reason-dialog__cancel ${base}__cancel`} size="large" disabled={pending} onClick={onCancel}>
            取消
          </Button>
          <Button
            className={`reason-dialog__submit ${base}__submit`}
            type="primary"
            size="large"
            loading={pending}
            disabled={pending}
            onClick={submit}
          >
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}
