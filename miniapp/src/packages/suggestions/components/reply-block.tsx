import type { SuggestionView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../../format/date-time';
import './suggestions.scss';

/** The organizers' answer, or a plain sentence saying it is still coming. */
export default function ReplyBlock({ suggestion }: { suggestion: SuggestionView }) {
  if (suggestion.reply === null) {
    return (
      <Text className="suggestion-reply-pending">
        {suggestion.status === 'in_progress' ? '正在处理，答复后会显示在这里' : '还没有答复，答复后会显示在这里'}
      </Text>
    );
  }
  return (
    <View className="suggestion-reply">
      <Text className="suggestion-reply__label">答复</Text>
      <Text className="suggestion-reply__text">{suggestion.reply}</Text>
      {suggestion.repliedAt ? <Text className="suggestion-reply__time">{formatDateTime(suggestion.repliedAt)}</Text> : null}
    </View>
  );
}
