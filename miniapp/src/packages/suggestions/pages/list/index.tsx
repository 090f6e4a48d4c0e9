import type { SuggestionView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import LoadMore from '../../components/load-more';
import ReplyBlock from '../../components/reply-block';
import StatusTag from '../../components/status-tag';
import { formatTime } from '../../format-time';
import { useSuggestionList } from './use-list';
import './index.scss';

function SuggestionItem({ suggestion, onOpen }: { suggestion: SuggestionView; onOpen: (id: string) => void }) {
  return (
    <View className="suggestion-item" onClick={() => onOpen(suggestion.id)}>
      <View className="suggestion-item__head">
        <StatusTag status={suggestion.status} />
        {suggestion.anonymous ? <Text className="suggestion-item__anonymous">匿名</Text> : null}
        <Text className="suggestion-item__time">{formatTime(suggestion.createdAt)}</Text>
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

      {!signedIn ? null : list.items.length > 0 ? (
        <>
          {list.error ? (
            <View className="refresh-notice">
              <Text>{list.error.message}</Text>
              <Text className="refresh-notice__retry" onClick={() => void list.reload()}>
                重试
              </Text>
            </View>
          ) : null}
          <SectionCard title="我提交的" extra={`共 ${list.total} 条`} className="suggestion-list__items">
            {list.items.map((suggestion) => (
              <SuggestionItem key={suggestion.id} suggestion={suggestion} onOpen={openDetail} />
            ))}
          </SectionCard>
          <LoadMore
            className="suggestion-list__more"
            hasMore={list.hasMore}
            loading={list.loadingMore}
            error={list.loadMoreError}
            count={list.items.length}
            onLoadMore={() => void list.loadMore()}
          />
        </>
      ) : list.error && !list.loading ? (
        <StateView className="suggestion-list__error" status="error" message={list.error.message} onRetry={() => void list.reload()} />
      ) : list.loading ? (
        <StateView className="suggestion-list__loading" status="loading" />
      ) : (
        <StateView className="suggestion-list__empty" status="empty" message="您还没有提交过意见建议" />
      )}
    </View>
  );
}
