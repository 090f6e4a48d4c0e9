import { ACTIVITY_STATUS_LABELS, type ActivityDetail } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import StatusTag from '@/components/status-tag';
import { formatDateTime, formatSpan } from '@/format/date-time';
import { formatHours } from '@/format/hours';
import { isFull, kindText, placesText, signupText, signupTone } from '@/format/activity';
import { MissingActivity, SignInFirst } from '../../components/page-gates';
import Row from '../../components/row';
import { openNeedCheckin, openScan, openVisits } from '../../shared/navigation';
import { outcomeText, useActivityDetail } from './use-detail';
import '../../components/activity.scss';
import './index.scss';

/** Who may sign up, in words: the lists when narrowed, else the scope. */
function audienceText(activity: ActivityDetail): string {
  const names = [...activity.eligibleUnits, ...activity.eligibleBranches].map((item) => item.name);
  if (names.length > 0) return names.join('、');
  switch (activity.scopeKind) {
    case 'district':
      return '全区在职党员';
    case 'unit':
      return `${activity.publisher.unitName ?? '本单位'}的党员`;
    case 'branch':
      return '本支部党员';
    case 'community':
      return `到${activity.community?.name ?? '本社区'}报到的党员`;
  }
}

function contactText(activity: ActivityDetail): string {
  const unit = activity.publisher.unitName ? `（${activity.publisher.unitName}）` : '';
  return `${activity.publisher.authorName}${unit}`;
}

export default function ActivityDetailPage() {
  const page = useActivityDetail();
  const { detail } = page;

  if (!page.signedIn) {
    return <SignInFirst pageClassName="activity-detail" cardClassName="activity-detail-login" hint="登录后可查看活动并报名" />;
  }

  if (page.missingId) {
    return <MissingActivity pageClassName="activity-detail" stateClassName="activity-detail-missing" />;
  }

  const activity = detail.data;
  if (!activity) {
    return (
      <View className="page activity-detail">
        {detail.error && !detail.loading ? (
          <StateView className="activity-detail-error" status="error" message={detail.error.message} onRetry={() => void detail.reload()} />
        ) : (
          <StateView className="activity-detail-loading" status="loading" />
        )}
      </View>
    );
  }

  const mine = activity.mySignup;
  const active = mine !== null && (mine.status === 'confirmed' || mine.status === 'waitlisted');
  const need = activity.scopeKind === 'community';
  const published = activity.status === 'published';
  // Arrival may already have been scanned (attended): the departure scan is still to come while the activity runs.
  const present = mine !== null && (mine.status === 'confirmed' || mine.status === 'attended');
  const cancelClosed = active && !activity.can.cancelSignup && new Date(activity.cancelDeadline).getTime() <= Date.now();

  return (
    <View className="page activity-detail">
      <View className="page-header">
        <View className="activity-detail__tags">
          <StatusTag tone="primary" className="activity-detail__kind">
            {kindText(activity)}
          </StatusTag>
          {activity.theme ? (
            <StatusTag tone="muted" className="activity-detail__theme">
              {`主题：${activity.theme.title}`}
            </StatusTag>
          ) : null}
          {!published ? (
            <StatusTag tone={activity.status === 'cancelled' ? 'danger' : 'muted'} className="activity-detail__status">
              {ACTIVITY_STATUS_LABELS[activity.status]}
            </StatusTag>
          ) : null}
        </View>
        <Text className="page-header__title activity-detail__title">{activity.title}</Text>
      </View>

      {activity.status === 'cancelled' ? (
        <View className="activity-notice activity-detail__cancelled">
          <Text>{`活动已取消${activity.cancelReason ? `：${activity.cancelReason}` : ''}`}</Text>
        </View>
      ) : null}

      <SectionCard className="activity-detail__facts">
        <Row className="activity-detail__time" label="时间" value={formatSpan(activity.startsAt, activity.endsAt)} />
        <Row className="activity-detail__place" label="地点" value={activity.place} />
        {activity.community ? <Row label="社区" value={activity.community.name} /> : null}
        <Row className="activity-detail__places" label="名额" value={placesText(activity)} />
        <Row label="报名截止" value={formatDateTime(activity.signupDeadline)} />
        <Row label="取消截止" value={formatDateTime(activity.cancelDeadline)} />
        <Row label="计入时长" value={`参加满规定时间计入 ${formatHours(activity.creditedHours)}`} />
        <Row className="activity-detail__audience" label="可报名" value={audienceText(activity)} />
        <Row className="activity-detail__publisher" label="发布" value={contactText(activity)} />
      </SectionCard>

      <SectionCard title="活动内容" className="activity-detail__description">
        <Text className="activity-detail__text">{activity.description}</Text>
      </SectionCard>

      <SectionCard title="我的报名" className="activity-detail__mine">
        {mine ? (
          <StatusTag tone={signupTone(mine)} className="activity-detail__signup">
            {signupText(mine)}
          </StatusTag>
        ) : (
          <Text className="activity-hint activity-detail__not-signed">您还没有报名</Text>
        )}
        {page.outcome ? <Text className="activity-detail__outcome">{outcomeText(page.outcome)}</Text> : null}
        {page.error ? (
          <View className="activity-problem activity-detail__error" role="alert">
            <Text>{page.error.message}</Text>
          </View>
        ) : null}

        {activity.can.signUp ? (
          <Button
            className="activity-action activity-detail__sign-up"
            type="primary"
            size="large"
            block
            loading={page.signingUp}
            onClick={() => void page.signUp()}
          >
            {isFull(activity) ? '候补报名' : '报名'}
          </Button>
        ) : null}

        {need && mine?.status === 'confirmed' && published ? (
          <Button className="activity-action activity-detail__need-checkin" type="primary" size="large" block onClick={() => openNeedCheckin(activity.id)}>
            去签到服务
          </Button>
        ) : null}

        {!need && present && published ? (
          <Button className="activity-action activity-detail__scan" type="primary" size="large" block onClick={() => openScan(activity.id)}>
            扫码签到
          </Button>
        ) : null}

        {activity.can.recordVisit ? (
          <Button className="activity-action activity-detail__visit" size="large" block onClick={() => openVisits(activity.id)}>
            记录走访
          </Button>
        ) : null}

        {activity.can.cancelSignup ? (
          <Button className="activity-action activity-detail__cancel" size="large" block loading={page.cancelling} onClick={() => void page.cancel()}>
            取消报名
          </Button>
        ) : null}

        {cancelClosed ? (
          <Text className="activity-hint activity-detail__cancel-closed">
            {`已过取消报名的截止时间（${formatDateTime(activity.cancelDeadline)}）。如不能参加，请联系发布人 ${contactText(activity)}。`}
          </Text>
        ) : null}
      </SectionCard>
    </View>
  );
}
