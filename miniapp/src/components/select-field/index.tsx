import { useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import './index.scss';

export interface SelectOption<V extends string = string> {
  value: V;
  label: string;
  /** A second, quieter line (a unit's code, a community's street). */
  description?: string;
}

export interface SelectFieldProps<V extends string> {
  label: string;
  value: V | '';
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  placeholder?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}

// Past this many options a filter box helps more than scrolling (tens of units or communities).
const FILTER_FROM = 8;

/**
 * A choice from a list, opened in place under the field: no wheel to spin, so it works with a mouse on the desktop
 * console as well as by touch, and a long list (units, communities) can be filtered by typing.
 */
export default function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  placeholder = '请选择',
  error,
  hint,
  required,
  disabled,
  className,
}: SelectFieldProps<V>) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const selected = options.find((option) => option.value === value);
  const shown = useMemo(() => {
    const text = filter.trim().toLowerCase();
    if (!text) return options;
    return options.filter(
      (option) => option.label.toLowerCase().includes(text) || (option.description ?? '').toLowerCase().includes(text),
    );
  }, [filter, options]);

  const classes = ['select-field', error ? 'select-field--error' : '', open ? 'select-field--open' : '', className]
    .filter(Boolean)
    .join(' ');

  const choose = (option: SelectOption<V>): void => {
    onChange(option.value);
    setOpen(false);
    setFilter('');
  };

  return (
    <View className={classes}>
      <Text className="select-field__label">
        {label}
        {required ? <Text className="select-field__required"> *</Text> : null}
      </Text>
      <View
        className={`select-field__control${disabled ? ' select-field__control--disabled' : ''}`}
        role="button"
        aria-expanded={open}
        onClick={() => {
          if (!disabled) setOpen(!open);
        }}
      >
        <Text className={selected ? 'select-field__value' : 'select-field__placeholder'}>
          {selected ? selected.label : placeholder}
        </Text>
        <Text className="select-field__arrow">{open ? '▴' : '▾'}</Text>
      </View>
      {open ? (
        <View className="select-field__panel">
          {options.length > FILTER_FROM ? (
            <Input
              className="select-field__filter"
              value={filter}
              placeholder="输入文字筛选"
              onInput={(event) => setFilter(event.detail.value)}
            />
          ) : null}
          {shown.length === 0 ? <Text className="select-field__none">没有符合的选项</Text> : null}
          {shown.map((option) => (
            <View
              key={option.value}
              className={`select-field__option${option.value === value ? ' select-field__option--selected' : ''}`}
              role="option"
              aria-selected={option.value === value}
              onClick={() => choose(option)}
            >
              <Text className="select-field__option-label">{option.label}</Text>
              {option.description ? <Text className="select-field__option-description">{option.description}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
      {error ? (
        <Text className="select-field__error">
          {error}
        </Text>
      ) : hint ? (
        <Text className="select-field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}
