import { Input, Text, Textarea, View } from '@tarojs/components';
import './index.scss';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** The field's problem in Chinese (from the server's `details` or a local check); shown under the field. */
  error?: string;
  /** Help under the field while it has no error. */
  hint?: string;
  required?: boolean;
  /** `digit` brings up the number pad with a decimal point (coordinates). */
  type?: 'text' | 'number' | 'digit';
  maxLength?: number;
  multiline?: boolean;
  disabled?: boolean;
  /** Enter / the keyboard's confirm key. */
  onConfirm?: () => void;
  className?: string;
}

/** A labelled text input with its own error line, so a form shows every problem beside the field it belongs to. */
export default function TextField({
  label,
  value,
  onChange,
  placeholder,
  error,
  hint,
  required,
  type = 'text',
  maxLength = 200,
  multiline,
  disabled,
  onConfirm,
  className,
}: TextFieldProps) {
  // The visible label is a separate text: the field carries it as its accessible name too (Taro's H5 input hands
  // `aria-label` to the DOM; the weapp takes `ariaLabel`).
  const name = process.env.TARO_ENV === 'h5' ? { 'aria-label': label } : { ariaLabel: label };
  const classes = ['text-field', error ? 'text-field--error' : '', className].filter(Boolean).join(' ');
  // Taro's H5 input hands `onConfirm` on to the DOM element (a React warning) but calls `onKeyDown` with the key.
  const enterKey = !onConfirm
    ? {}
    : process.env.TARO_ENV === 'h5'
      ? {
          onKeyDown: (event: { detail: { keyCode?: number | string } }) => {
            if (event.detail.keyCode === 13 || event.detail.keyCode === 'Enter') onConfirm();
          },
        }
      : { onConfirm: () => onConfirm() };
  return (
    <View className={classes}>
      <Text className="text-field__label">
        {label}
        {required ? <Text className="text-field__required"> *</Text> : null}
      </Text>
      {multiline ? (
        <Textarea
          className="text-field__input text-field__input--multiline"
          value={value}
          placeholder={placeholder}
          maxlength={maxLength}
          disabled={disabled}
          autoHeight
          {...name}
          onInput={(event) => onChange(event.detail.value)}
        />
      ) : (
        <Input
          className="text-field__input"
          value={value}
          type={type}
          placeholder={placeholder}
          maxlength={maxLength}
          disabled={disabled}
          confirmType={onConfirm ? 'search' : 'done'}
          onInput={(event) => onChange(event.detail.value)}
          {...name}
          {...enterKey}
        />
      )}
      {error ? (
        <Text className="text-field__error">
          {error}
        </Text>
      ) : hint ? (
        <Text className="text-field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}
