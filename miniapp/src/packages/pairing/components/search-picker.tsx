import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import FieldError from '@/components/field-error';
import StateView from '@/components/state-view';
import { useQuery } from '@/hooks/use-query';
import './search-picker.scss';

export interface PickerOption {
  id: string;
  label: string;
  detail?: string;
}

export interface SearchPickerProps {
  label: string;
  placeholder: string;
  /** The options for what was typed (the server narrows them to what the caller may choose). */
  search: (text: string) => Promise<PickerOption[]>;
  value: PickerOption | null;
  onChange: (value: PickerOption | null) => void;
  error?: string;
  required?: boolean;
  className?: string;
}

/** Type part of a name, tap one of the matches; the chosen one shows with 更换. */
export default function SearchPicker({ label, placeholder, search, value, onChange, error, required, className }: SearchPickerProps) {
  const [text, setText] = useState('');
  const options = useQuery(() => search(text.trim()), [text], { enabled: value === null });

  return (
    <View className={`search-picker${error ? ' search-picker--error' : ''}${className ? ` ${className}` : ''}`}>
      <Text className="search-picker__label">
        {label}
        {required ? <Text className="search-picker__required"> *</Text> : null}
      </Text>
      {value ? (
        <View className="search-picker__chosen">
          <View className="search-picker__chosen-text">
            <Text className="search-picker__name">{value.label}</Text>
            {value.detail ? <Text className="search-picker__detail">{value.detail}</Text> : null}
          </View>
          <View className="search-picker__change" role="button" onClick={() => onChange(null)}>
            <Text>更换</Text>
          </View>
        </View>
      ) : (
        <>
          <Input
            className="search-picker__filter"
            value={text}
            type="text"
            placeholder={placeholder}
            aria-label={placeholder}
            onInput={(event) => setText(event.detail.value)}
          />
          {options.error && !options.loading ? (
            <StateView status="error" message={options.error.message} onRetry={() => void options.reload()} rows={1} />
          ) : options.data === undefined ? (
            <StateView status="loading" rows={1} />
          ) : options.data.length === 0 ? (
            <Text className="search-picker__hint">{text.trim() ? `没有名称含“${text.trim()}”的选项` : '暂无可选项'}</Text>
          ) : (
            <View className="search-picker__list">
              {options.data.map((option) => (
                <View key={option.id} className="search-picker__option" role="button" onClick={() => onChange(option)}>
                  <Text className="search-picker__name">{option.label}</Text>
                  {option.detail ? <Text className="search-picker__detail">{option.detail}</Text> : null}
                </View>
              ))}
            </View>
          )}
        </>
      )}
      <FieldError message={error} />
    </View>
  );
}
