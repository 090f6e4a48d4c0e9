import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  ACTIVITY_STATUS_LABELS,
  ACTIVITY_STATUSES,
  NEED_KIND_LABELS,
  VOLUNTEER_SUB_KIND_LABELS,
  type ActivityKind,
  type ActivityStatus,
  type ActivitySummary,
} from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { listManagedActivities } from '@/api/activities';
import ChoiceChips, { type Chip } from '@/components/choice-chips';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import SelectField, { type SelectOption } from '@/components/select-field';
import StateView from '@/components/state-view';
import StatusTag from '@/components/status-tag';
import { ROUTES } from '@/constants/routes';
import { formatSpan } from '@/format/date-time';
import { formatHours } from '@/format/hours';
import { usePagedList } from '@/hooks/use-paged-list';
import { useRefreshOnShow } from '@/hooks/use-api';
import { openPage } from '@/services/navigation';
import OrganizeFrame from '../../components/organize-frame';
import { ACTIVITY_STATUS_TONES, placesText } from '../../shared/labels';
import { openActivityPage, openNewNeed } from '../../shared/navigation';
import type { OrganizeViewer } from '../../shared/viewer';
import './index.scss';

export const LIST_PAGE_SIZE = 20;
const ALL = 'all';

// '' is every status.
const STATUS_TABS: readonly Chip<ActivityStatus | ''>[] = [
  { value: '', label: '全部' },
  ...ACTIVITY_STATUSES.map((value) => ({ value, label: ACTIVITY_STATUS_LABELS[value] })),
];

const KIND_OPTIONS: SelectOption[] = [
  { value: ALL, label: '全部类型' },
  ...ACTIVITY_KINDS.map((kind) => ({ value: kind, label: ACTIVITY_KIND_LABELS[kind] })),
];

function kindText(activity: ActivitySummary): string {
  if (activity.scopeKind === 'community') {
    return activity.needKind ? `社区需求 · ${NEED_KIND_LABELS[activity.needKind]}` : '社区需求';
  }
  const kind = ACTIVITY_KIND_LABELS[activity.kind];
  return activity.subKind ? `${kind} · ${VOLUNTEER_SUB_KIND_LABELS[activity.subKind]}` : kind;
}

function ActivityCard({ activity }: { activity: ActivitySummary }) {
  const closed = activity.status === 'cancelled';
  return (
    <View className="organize-card">
      <View className="organize-card__head">
        <StatusTag className="organize-card__status" tone={ACTIVITY_STATUS_TONES[activity.status]}>
          {ACTIVITY_STATUS_LABELS[activity.status]}
        </StatusTag>
        <Text className="organize-card__kind">{kindText(activity)}</Text>
      </View>
      <Text className="organize-card__title">{activity.title}</Text>
      <Text className="organize-meta organize-card__time">{formatSpan(activity.startsAt, activity.endsAt)}</Text>
      <Text className="organize-meta organize-card__place">
        {[activity.community?.name, activity.place].filter(Boolean).join(' · ')}
      </Text>
      <Text className="organize-meta organize-card__places">{`${placesText(activity)} · 计 ${formatHours(activity.creditedHours)}`}</Text>
      {activity.theme ? <Text className="organize-meta">{`主题：${activity.theme.title}`}</Text> : null}
      <View className="organize-actions">
        <Button className="organize-actions__item organize-card__edit" onClick={() => openActivityPage(ROUTES.organizeEdit, activity.id)}>
          {closed || activity.status === 'finished' ? '查看' : '编辑'}
        </Button>
        {activity.status === 'draft' ? null : (
          <>
            <Button className="organize-actions__item organize-card__signups" onClick={() => openActivityPage(ROUTES.organizeSignups, activity.id)}>
              报名名单
            </Button>
            {closed ? null : (
              <Button
                className="organize-actions__item organize-card__attendance"
                onClick={() => openActivityPage(ROUTES.organizeAttendance, activity.id)}
              >
                签到
              </Button>
            )}
          </>
        )}
      </View>
    </View>
  );
}

function Activities({ viewer }: { viewer: OrganizeViewer }) {
  const [status, setStatus] = useState<ActivityStatus | undefined>(undefined);
  const [kind, setKind] = useState<ActivityKind | undefined>(undefined);
  const fetchPage = useCallback(
    (page: number) => listManagedActivities({ status, kind, page, pageSize: LIST_PAGE_SIZE }),
    [status, kind],
  );
  const list = usePagedList(fetchPage);
  const { restart, reload } = list;
  // A new filter: what was shown belongs to the old one (the first load is the list's own).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void restart();
  }, [status, kind, restart]);
  // Back from editing or a sign-up list: counts and statuses may have changed.
  useRefreshOnShow(reload);

  const onlyNeeds = !viewer.isOrganizer;
  return (
    <>
      <View className="organize-toolbar">
        {viewer.isOrganizer ? (
          <Button className="organize-toolbar__item organize-new" type="primary" onClick={() => openPage(ROUTES.organizeEdit)}>
            发布活动
          </Button>
        ) : null}
        {viewer.isWorker ? (
          <Button className="organize-toolbar__item organize-new-need" type={viewer.isOrganizer ? 'default' : 'primary'} onClick={openNewNeed}>
            发布社区需求
          </Button>
        ) : null}
        {viewer.isDistrictOrganizer ? (
          <Button className="organize-toolbar__item organize-open-review" onClick={() => openPage(ROUTES.organizeReview)}>
            活动审核
          </Button>
        ) : null}
        {viewer.isOrganizer ? (
          <Button className="organize-toolbar__item organize-open-themes" onClick={() => openPage(ROUTES.organizeThemes)}>
            每月主题
          </Button>
        ) : null}
      </View>
      <ChoiceChips
        className="organize-tabs organize-status-tabs"
        options={STATUS_TABS}
        value={status ?? ''}
        onChange={(value) => setStatus(value || undefined)}
      />
      {onlyNeeds ? null : (
        <View className="organize-kind-filter">
          <SelectField
            label="活动类型"
            value={kind ?? ALL}
            options={KIND_OPTIONS}
            onChange={(value) => setKind(value === ALL ? undefined : (value as ActivityKind))}
          />
        </View>
      )}
      <PagedListView
        list={list}
        classNames={{ error: 'organize-list-error', loading: 'organize-list-loading', more: 'organize-list-more' }}
        canRetry={(error) => error.status !== 403}
        empty={
          <StateView
            className="organize-list-empty"
            status="empty"
            message={
              status || kind
                ? '没有符合条件的活动，可换个状态或类型看看'
                : onlyNeeds
                  ? '您的社区还没有发布需求，点「发布社区需求」发布第一条'
                  : '还没有活动，点「发布活动」发布第一个'
            }
          />
        }
      >
        <SectionCard className="organize-list">
          {list.items.map((activity) => (
            <ActivityCard key={activity.id} activity={activity} />
          ))}
        </SectionCard>
      </PagedListView>
    </>
  );
}

export default function OrganizeListPage() {
  return (
    <OrganizeFrame title="活动管理" subtitle="发布和管理活动、社区需求，查看报名和签到" className="organize-list-page">
      {(viewer) => <Activities viewer={viewer} />}
    </OrganizeFrame>
  );
}
