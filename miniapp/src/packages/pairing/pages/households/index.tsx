import type { HouseholdView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { formatDayKey } from '../../shared/dates';
import { placeName } from '../../shared/place';
import { useHouseholds } from './use-households';
import './index.scss';

function HouseholdItem({ household, onOpen }: { household: HouseholdView; onOpen: (id: string) => void }) {
  const paired = household.pairedWith.map((member) => member.name).join('、');
  return (
    <View className="household-item" role="button" onClick={() => onOpen(household.id)}>
      <View className="household-item__head">
        <Text className="household-item__name">{household.contactName}</Text>
        <Text className="household-item__place">{placeName(household)}</Text>
      </View>
      <Text className="household-item__line">{`结对党员：${paired || '暂无'}`}</Text>
      <Text className="household-item__line">
        {household.lastVisitedOn
          ? `最近走访：${formatDayKey(household.lastVisitedOn)}，共走访 ${household.visitCount} 次`
          : '还没有走访记录'}
      </Text>
    </View>
  );
}

export default function HouseholdsPage() {
  const { signedIn, staff, list, openNew, openLogin, openHousehold } = useHouseholds();
  const title = staff ? '结对住户' : '我的结对户';

  return (
    <View className="page households">
      <View className="page-header">
        <Text className="page-header__title">{title}</Text>
        <Text className="page-header__subtitle">住户的姓名、电话和住址只显示一部分，需要联系时可在住户页面查看完整信息。</Text>
      </View>

      <View className="households__actions">
        <Button className="households__new" type="primary" size="large" block onClick={signedIn ? openNew : openLogin}>
          {signedIn ? '登记结对户' : '登录后查看结对户'}
        </Button>
      </View>

      {signedIn ? (
        <PagedListView
          list={list}
          classNames={{ error: 'households__error', loading: 'households__loading', more: 'households__more' }}
          empty={<StateView className="households__empty" status="empty" message="还没有结对户，您可以先登记一户" />}
        >
          <SectionCard title={title} extra={`共 ${list.total} 户`} className="households__items">
            {list.items.map((household) => (
              <HouseholdItem key={household.id} household={household} onOpen={openHousehold} />
            ))}
          </SectionCard>
        </PagedListView>
      ) : null}
    </View>
  );
}
