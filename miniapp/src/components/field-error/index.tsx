import { Text, View } from '@tarojs/components';
import './index.scss';

/** The line under a field that says what is wrong with it; renders nothing when nothing is. */
export default function FieldError({ message, className }: { message: string | undefined | null; className?: string }) {
  if (!message) return null;
  return (
    <View className={['field-error', className].filter(Boolean).join(' ')} role="alert">
      <Text>{message}</Text>
    </View>
  );
}
