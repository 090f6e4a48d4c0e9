import { useCallback, useState } from 'react';
import {
  ACTIVITY_KIND_LABELS,
  VOLUNTEER_SUB_KIND_LABELS,
  type ActivityDetail,
  type ActivitySummary,
} from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { getActivity, listManagedActivities, reviewActivity } from '@/api/activities';
import PagedListView from '@/components/paged-list-view';
import ReasonDialog from '@/components/reason-dialog';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { formatDateTime, formatSpan } from '@/format/date-time';
import { formatHours } from '@/format/hours';
import { useRefreshOnShow } from '@/hooks/use-api';
import { usePagedList } from '@/hooks/use-paged-list';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';
import { toast } from '@/services/toast';
import OrganizeFrame from '../../components/organize-frame';
import { placesText } from '../../shared/labels';
import type { OrganizeViewer } from '../../shared/viewer';
import './index.scss';

const PAGE_SIZE = 20;

function kindText(activity: ActivitySummary): string {
  const kind = ACTIVITY_KIND_LABELS[activity.kind];
  return activity.subKind ? `${kind} · ${VOLUNTEER_SUB_KIND_LABELS[activity.subKind]}` : kind;
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="review-row">
      <Text className="review-row__label">{label}</Text>
      <Text className="review-row__value">{value}</Text>
    </View>
  );
}

/** Why this reviewer may not decide, said before they try; the server refuses the same. */
export function cannotReviewText(detail: ActivityDetail, viewer: OrganizeViewer): string | null {
  if (detail.can.review) return null;
  if (detail.status !== 'in_review') return '该活动已不在待审核状态';
  if (detail.publisher.authorName === viewer.me.name) return '不能审核自己发布的活动，请由机关工委的另一位组织者审核';
  return '您不能审核该活动';
}

function Review({ id, viewer, onDecided, onBack }: { id: string; viewer: OrganizeViewer; onDecided: () => void; onBack: () => void }) {
  const detail = useQuery(() => getActivity(id), [id]);
  const [rejecting, setRejecting] = useState(false);
  const decision = useSubmit((key: string, decide: 'approve' | 'reject', note?: string) =>
    reviewActivity(id, decide === 'approve' ? { decision: decide } : { decision: decide, note }, key),
  );

  const decide = async (choice: 'approve' | 'reject', note?: string): Promise<void> => {
    const done = await decision.run(choice, note);
    if (!done) return;
    setRejecting(false);
    toast(choice === 'approve' ? '已同意发布' : '已退回修改');
    onDecided();
  };

  let body;
  if (!detail.data) {
    body =
      detail.error && !detail.loading ? (
        <StateView className="review-detail-error" status="error" message={detail.error.message} onRetry={() => void detail.reload()} />
      ) : (
        <StateView className="review-detail-loading" status="loading" />
      );
  } else {
    const activity = detail.data;
    const refusal = cannotReviewText(activity, viewer);
    const eligible = [...activity.eligibleUnits, ...activity.eligibleBranches].map((item) => item.name);
    body = (
      <>
        <SectionCard className="review-detail" title={activity.title}>
          {refusal ? (
            <View className="organize-warning review-refusal" role="alert">
              <Text>{refusal}</Text>
            </View>
          ) : null}
          <Row label="类型" value={kindText(activity)} />
          <Row label="时间" value={formatSpan(activity.startsAt, activity.endsAt)} />
          <Row label="地点" value={[activity.community?.name, activity.place].filter(Boolean).join(' · ')} />
          <Row label="报名截止" value={formatDateTime(activity.signupDeadline)} />
          <Row label="取消截止" value={formatDateTime(activity.cancelDeadline)} />
          <Row label="名额" value={placesText(activity)} />
          <Row label="计入时长" value={formatHours(activity.creditedHours)} />
          <Row label="范围" value={eligible.length > 0 ? `全区，限 ${eligible.join('、')}` : '全区党员'} />
          {activity.theme ? <Row label="主题" value={activity.theme.title} /> : null}
          <Row label="发布人" value={[activity.publisher.authorName, activity.publisher.unitName].filter(Boolean).join(' · ')} />
          <Text className="review-description">{activity.description}</Text>
        </SectionCard>
        {decision.error && !rejecting ? (
          <View className="organize-banner review-error" role="alert">
            <Text>{decision.error.message}</Text>
          </View>
        ) : null}
        {refusal ? null : (
          <View className="review-buttons">
            <Button
              className="review-approve"
              type="primary"
              size="large"
              block
              loading={decision.pending && !rejecting}
              disabled={decision.pending}
              onClick={() => void decide('approve')}
            >
              同意发布
            </Button>
            <Button className="review-reject" size="large" block disabled={decision.pending} onClick={() => setRejecting(true)}>
              退回修改
            </Button>
          </View>
        )}
        <ReasonDialog
          className="review-reject-dialog"
          open={rejecting}
          title="退回修改"
          note="请写明需要修改什么，发布人会在消息中看到"
          placeholder="如：请写明集合地点和联系人"
          confirmText="退回"
          requiredMessage="请填写退回意见"
          pending={decision.pending}
          error={decision.error?.message}
          onEdit={decision.clearError}
          onCancel={() => setRejecting(false)}
          onConfirm={(note) => void decide('reject', note)}
        />
      </>
    );
  }
  return (
    <>
      <View className="review-back" role="link" onClick={onBack}>
        <Text>‹ 待审核列表</Text>
      </View>
      {body}
    </>
  );
}

function Queue({ viewer }: { viewer: OrganizeViewer }) {
  const [open, setOpen] = useState<string | null>(null);
  const fetchPage = useCallback((page: number) => listManagedActivities({ status: 'in_review', page, pageSize: PAGE_SIZE }), []);
  const list = usePagedList(fetchPage);
  useRefreshOnShow(list.reload);

  if (open) {
    return (
      <Review
        id={open}
        viewer={viewer}
        onBack={() => setOpen(null)}
        onDecided={() => {
          setOpen(null);
          void list.reload();
        }}
      />
    );
  }
  return (
    <PagedListView
      list={list}
      classNames={{ error: 'review-list-error', loading: 'review-list-loading', more: 'review-list-more' }}
      canRetry={(error) => error.status !== 403}
      empty={<StateView className="review-empty" status="empty" message="没有待审核的活动" />}
    >
      <SectionCard className="review-list" title={`待审核 ${list.total} 个`}>
        {list.items.map((activity) => (
          <View key={activity.id} className="review-item" role="button" onClick={() => setOpen(activity.id)}>
            <View className="review-item__main">
              <Text className="review-item__title">{activity.title}</Text>
              <Text className="organize-meta">{`${kindText(activity)} · ${formatSpan(activity.startsAt, activity.endsAt)}`}</Text>
              <Text className="organize-meta">{activity.place}</Text>
            </View>
            <Text className="review-item__arrow">›</Text>
          </View>
        ))}
      </SectionCard>
    </PagedListView>
  );
}

export default function OrganizeReviewPage() {
  return (
    <OrganizeFrame
      title="活动审核"
      subtitle="全区活动发布前，由机关工委的另一位组织者审核"
      className="organize-review-page"
      allow={(viewer) => viewer.isDistrictOrganizer}
      deniedMessage="只有机关工委的组织者可以审核全区活动"
    >
      {(viewer) => <Queue viewer={viewer} />}
    </OrganizeFrame>
  );
}
