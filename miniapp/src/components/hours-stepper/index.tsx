import { Text, View } from '@tarojs/components';
import FieldError from '@/components/field-error';
import { formatHours } from '@/format/hours';
import './index.scss';

export interface HoursStepperProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max: number;
  /** Help under the stepper while it has no error (e.g. "实际约 0.5 小时"). */
  hint?: string;
  error?: string;
  disabled?: boolean;
  className?: string;
}

const STEP = 0.5;

/** Hours in 0.5 h steps with two large buttons: no typing, so no value the server would refuse as a step. */
export default function HoursStepper({ label, value, onChange, min = STEP, max, hint, error, disabled, className }: HoursStepperProps) {
  const canDown = !disabled && value - STEP >= min;
  const canUp = !disabled && value + STEP <= max;
  const classes = ['hours-stepper', error ? 'hours-stepper--error' : '', className].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      <Text className="hours-stepper__label">{label}</Text>
      <View className="hours-stepper__row">
        <View
          className={`hours-stepper__button hours-stepper__minus${canDown ? '' : ' hours-stepper__button--off'}`}
          role="button"
          aria-label="减少半小时"
          aria-disabled={!canDown}
          onClick={() => canDown && onChange(value - STEP)}
        >
          <Text>−</Text>
        </View>
        <Text className="hours-stepper__value" aria-live="polite">
          {formatHours(value)}
        </Text>
        <View
          className={`hours-stepper__button hours-stepper__plus${canUp ? '' : ' hours-stepper__button--off'}`}
          role="button"
          aria-label="增加半小时"
          aria-disabled={!canUp}
          onClick={() => canUp && onChange(value + STEP)}
        >
          <Text>＋</Text>
        </View>
      </View>
      {error ? <FieldError className="hours-stepper__error" message={error} /> : hint ? <Text className="hours-stepper__hint">{hint}</Text> : null}
    </View>
  );
}
