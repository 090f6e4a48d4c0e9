import { View } from '@tarojs/components';
import './index.scss';

export interface Chip<V extends string> {
  value: V;
  label: string;
}

/** A row of large choices (a tab, a filter); `tablist` when they switch what the page shows. */
export default function Chips<V extends string>({
  options,
  value,
  onChange,
  role = 'tablist',
  className,
}: {
  options: readonly Chip<V>[];
  value: V;
  onChange: (value: V) => void;
  role?: 'tablist' | 'radiogroup';
  className?: string;
}) {
  const itemRole = role === 'tablist' ? 'tab' : 'radio';
  return (
    <View className={['choice-chips', className].filter(Boolean).join(' ')} role={role}>
      {options.map((option) => {
        const active = option.value === value;
        return (
          <View
            key={option.value || 'all'}
            className={`choice-chips__item${active ? ' choice-chips__item--active' : ''}`}
            role={itemRole}
            aria-selected={role === 'tablist' ? active : undefined}
            aria-checked={role === 'radiogroup' ? active : undefined}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </View>
        );
      })}
    </View>
  );
}
