import type { SuggestionView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import ReplyBlock from '../../components/reply-block';
import StatusTag from '../../components/status-tag';
import { formatDateTime } from '../../../../format/date-time';
import { useSuggestionList } from './use-list';
import './index.scss';

function SuggestionItem({ suggestion, onOpen }: { suggestion: SuggestionView; onOpen: (id: string) => void }) {
  return (
    <View className="suggestion-item" onClick={() => onOpen(suggestion.id)}>
      <View className="suggestion-item__head">
        <StatusTag status={suggestion.status} />
        {suggestion.anonymous ? <Text className="suggestion-item__anonymous">匿名</Text> : null}
        <Text className="suggestion-item__time">{formatDateTime(suggestion.createdAt)}</Text>
      </View>
      <Text className="suggestion-item__content">{suggestion.content}</Text>
      <ReplyBlock suggestion={suggestion} />
    </View>
  );
}

export default function SuggestionListPage() {
  const { signedIn, list, openNew, openLogin, openDetail } = useSuggestionList();

  return (
    <View className="page suggestion-list">
      <View className="page-header">
        <Text className="page-header__title">意见建议</Text>
        <Text className="page-header__subtitle">对先锋报到和社区服务有什么意见或建议，都可以告诉我们，我们会认真答复。</Text>
      </View>

      <View className="suggestion-list__actions">
        <Button className="suggestion-list__new" type="primary" size="large" block onClick={signedIn ? openNew : openLogin}>
          {signedIn ? '提意见建议' : '登录后提意见建议'}
        </Button>
      </View>

      {signedIn ? (
        <PagedListView
          list={list}
          classNames={{ error: 'suggestion-list__error', loading: 'suggestion-list__loading', more: 'suggestion-list__more' }}
          empty={<StateView className="suggestion-list__empty" status="empty" message="您还没有提交过意见建议" />}
        >
          <SectionCard title="我提交的" extra={`共 ${list.total} 条`} className="suggestion-list__items">
            {list.items.map((suggestion) => (
              <SuggestionItem key={suggestion.id} suggestion={suggestion} onOpen={openDetail} />
            ))}
          </SectionCard>
        </PagedListView>
      ) : null}
    </View>
  );
}
