import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, type ActivityKind } from '@pioneer/shared-types';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import ActivityCard from '@/components/activity-card';
import ChoiceChips from '@/components/choice-chips';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import SelectField from '@/components/select-field';
import StateView from '@/components/state-view';
import { ROUTES } from '@/constants/routes';
import { openPage } from '@/services/navigation';
import { TABS, useActivities, type ActivitiesTab } from './use-activities';
import './index.scss';

const KIND_OPTIONS: ReadonlyArray<{ value: ActivityKind | 'all'; label: string }> = [
  { value: 'all', label: '全部类型' },
  ...ACTIVITY_KINDS.map((kind) => ({ value: kind, label: ACTIVITY_KIND_LABELS[kind] })),
];

const EMPTY: Record<ActivitiesTab, string> = {
  upcoming: '近期没有您可以报名的活动',
  mine: '您还没有报名活动',
  past: '还没有往期活动',
  needs: '您报到的社区暂时没有需求',
};

function openActivity(id: string): void {
  Taro.navigateTo({ url: `${ROUTES.activityDetail}?id=${encodeURIComponent(id)}` }).catch(() => undefined);
}

export default function ActivitiesPage() {
  const page = useActivities();
  const { list, tab, filters } = page;

  return (
    <View className="page activities">
      <View className="page-header">
        <Text className="page-header__title activities-title">社区活动</Text>
        <Text className="page-header__subtitle">志愿服务、返乡走亲、访民问暖、主题党日，以及您报到社区的需求</Text>
      </View>

      {!page.signedIn ? (
        <SectionCard className="activities-login">
          <Text className="activities-login__text">登录后可查看您可以报名的活动和社区需求</Text>
          <Button className="activities-login__button" type="primary" size="large" block onClick={() => openPage(ROUTES.login)}>
            登录
          </Button>
        </SectionCard>
      ) : (
        <>
          <ChoiceChips className="activities-tabs" options={TABS} value={tab} onChange={page.setTab} />

          {tab !== 'needs' ? (
            <SectionCard className="activities-filters">
              <SelectField
                className="activities-filter-kind"
                label="活动类型"
                value={filters.kind || 'all'}
                options={KIND_OPTIONS}
                onChange={(value) => page.setKind(value === 'all' ? '' : value)}
              />
              {page.themes.length > 0 ? (
                <SelectField
                  className="activities-filter-theme"
                  label="一月一主题"
                  value={filters.themeId || 'all'}
                  options={[
                    { value: 'all', label: '全部主题' },
                    ...page.themes.map((theme) => ({ value: theme.id, label: `${theme.month} ${theme.title}` })),
                  ]}
                  onChange={(value) => page.setThemeId(value === 'all' ? '' : value)}
                />
              ) : null}
            </SectionCard>
          ) : (
            <Text className="activities-needs-hint">
              社区工作者发布的小任务、微心愿和服务岗位。报名后到社区签到服务，时长计入您的服务时长。
            </Text>
          )}

          <PagedListView
            list={list}
            classNames={{ error: 'activities-error', loading: 'activities-loading', more: 'activities-more' }}
            empty={
              <SectionCard>
                <StateView className="activities-empty" status="empty" message={EMPTY[tab]} />
              </SectionCard>
            }
          >
            <SectionCard className="activities-list" extra={`共 ${list.total} 项`}>
              {list.items.map((activity) => (
                <ActivityCard key={activity.id} activity={activity} onOpen={openActivity} />
              ))}
            </SectionCard>
          </PagedListView>
        </>
      )}
    </View>
  );
}
