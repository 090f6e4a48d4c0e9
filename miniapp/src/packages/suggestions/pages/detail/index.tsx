import type { SuggestionView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import RefreshNotice from '@/components/refresh-notice';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import ReplyBlock from '../../components/reply-block';
import StatusTag from '../../components/status-tag';
import { formatDateTime } from '../../../../format/date-time';
import { useSuggestionDetail } from './use-detail';
import './index.scss';

function Detail({ suggestion }: { suggestion: SuggestionView }) {
  return (
    <>
      <SectionCard className="suggestion-detail">
        <View className="suggestion-detail__head">
          <StatusTag status={suggestion.status} />
          <Text className="suggestion-detail__time">{`提交于 ${formatDateTime(suggestion.createdAt)}`}</Text>
        </View>
        <Text className="suggestion-detail__content">{suggestion.content}</Text>
        <View className="suggestion-detail__meta">
          {suggestion.authorName ? <Text className="suggestion-detail__author">{`提交人：${suggestion.authorName}`}</Text> : null}
          <Text className="suggestion-detail__anonymous">
            {suggestion.anonymous ? '匿名提交：处理人员看不到您的姓名' : '实名提交'}
          </Text>
          {suggestion.contact ? <Text className="suggestion-detail__contact">{`联系方式：${suggestion.contact}`}</Text> : null}
        </View>
      </SectionCard>
      <SectionCard title="处理情况" className="suggestion-detail__handling">
        <ReplyBlock suggestion={suggestion} />
      </SectionCard>
    </>
  );
}

export default function SuggestionDetailPage() {
  const { missingId, detail } = useSuggestionDetail();

  return (
    <View className="page suggestion-detail-page">
      {missingId ? (
        <StateView className="suggestion-detail__error" status="error" message="没有找到这条意见建议" />
      ) : detail.data ? (
        <>
          <RefreshNotice error={detail.error} onRetry={detail.reload} />
          <Detail suggestion={detail.data} />
        </>
      ) : detail.error && !detail.loading ? (
        <StateView
          className="suggestion-detail__error"
          status="error"
          message={detail.error.message}
          onRetry={detail.error.status === 404 ? undefined : () => void detail.reload()}
        />
      ) : (
        <StateView className="suggestion-detail__loading" status="loading" />
      )}
    </View>
  );
}
