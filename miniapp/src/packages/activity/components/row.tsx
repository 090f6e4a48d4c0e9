import { Text, View } from '@tarojs/components';
import './activity.scss';

export default function Row({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className={['activity-row', className].filter(Boolean).join(' ')}>
      <Text className="activity-row__label">{label}</Text>
      <Text className="activity-row__value">{value}</Text>
    </View>
  );
}
