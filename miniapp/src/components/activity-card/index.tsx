import type { ActivitySummary } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import StatusTag from '@/components/status-tag';
import { formatSpan } from '@/format/date-time';
import { kindText, placesText, signupText, signupTone } from '@/format/activity';
import './index.scss';

/** One activity or need in a list: what, when, where, places left and the person's own sign-up. */
export default function ActivityCard({ activity, onOpen }: { activity: ActivitySummary; onOpen: (id: string) => void }) {
  const cancelled = activity.status === 'cancelled';
  return (
    <View className={`activity-card activity-card--${activity.status}`} role="link" onClick={() => onOpen(activity.id)}>
      <View className="activity-card__tags">
        <StatusTag tone="primary" className="activity-card__kind">
          {kindText(activity)}
        </StatusTag>
        {activity.theme ? (
          <StatusTag tone="muted" className="activity-card__theme">
            {`主题：${activity.theme.title}`}
          </StatusTag>
        ) : null}
      </View>
      <Text className="activity-card__title">{activity.title}</Text>
      <Text className="activity-card__line activity-card__time">{formatSpan(activity.startsAt, activity.endsAt)}</Text>
      <Text className="activity-card__line activity-card__place">{activity.place}</Text>
      <View className="activity-card__foot">
        <Text className="activity-card__places">{cancelled ? '活动已取消' : placesText(activity)}</Text>
        {activity.mySignup ? (
          <StatusTag tone={signupTone(activity.mySignup)} className="activity-card__mine">
            {signupText(activity.mySignup)}
          </StatusTag>
        ) : null}
      </View>
    </View>
  );
}
