import type { ReactNode } from 'react';
import { ACTIVITY_STATUS_LABELS, type ActivityDetail } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import StatusTag from '@/components/status-tag';
import { formatSpan } from '@/format/date-time';
import type { QueryState } from '@/hooks/use-query';
import { ACTIVITY_STATUS_TONES, placesText } from '../../shared/labels';
import './index.scss';

/** The activity a page works on, named at the top; its loading and failure stand for the whole page. */
export default function ActivityHead({
  activity,
  children,
}: {
  activity: QueryState<ActivityDetail>;
  children: (detail: ActivityDetail) => ReactNode;
}) {
  const detail = activity.data;
  if (!detail) {
    return activity.error && !activity.loading ? (
      <StateView
        className="activity-head-error"
        status="error"
        message={activity.error.message}
        onRetry={activity.error.status === 404 || activity.error.status === 403 ? undefined : () => void activity.reload()}
      />
    ) : (
      <StateView className="activity-head-loading" status="loading" />
    );
  }
  return (
    <>
      <SectionCard className="activity-head">
        <View className="activity-head__line">
          <StatusTag tone={ACTIVITY_STATUS_TONES[detail.status]}>{ACTIVITY_STATUS_LABELS[detail.status]}</StatusTag>
          <Text className="activity-head__title">{detail.title}</Text>
        </View>
        <Text className="activity-head__meta">{formatSpan(detail.startsAt, detail.endsAt)}</Text>
        <Text className="activity-head__meta">{[detail.community?.name, detail.place].filter(Boolean).join(' · ')}</Text>
        <Text className="activity-head__meta activity-head__places">{placesText(detail)}</Text>
      </SectionCard>
      {children(detail)}
    </>
  );
}
