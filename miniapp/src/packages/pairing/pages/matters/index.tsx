import type { MatterView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Chips from '@/components/choice-chips';
import PagedListView from '@/components/paged-list-view';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { formatDayKey } from '../../shared/dates';
import { useMatters, yearOptions } from './use-matters';
import './index.scss';

const YEARS = yearOptions().map((year) => ({ value: String(year), label: `${year}年` }));

function MatterItem({ matter }: { matter: MatterView }) {
  const where = matter.community?.name ?? matter.village;
  return (
    <View className="matter-item">
      <Text className="matter-item__title">{matter.title}</Text>
      <Text className="matter-item__line">{[formatDayKey(matter.doneOn), matter.unit.name, where].filter(Boolean).join(' · ')}</Text>
      <Text className="matter-item__line">{`惠及 ${matter.beneficiaries} 人`}</Text>
      <Text className="matter-item__description">{matter.description}</Text>
    </View>
  );
}

export default function MattersPage() {
  const { signedIn, mayRecord, year, setYear, list, beneficiaries, openNew, openLogin } = useMatters();

  return (
    <View className="page matters">
      <View className="page-header">
        <Text className="page-header__title">实事</Text>
        <Text className="page-header__subtitle">各单位、社区为群众办成的实事。</Text>
      </View>

      {!signedIn ? (
        <Button className="matters__login" type="primary" size="large" block onClick={openLogin}>
          登录后查看
        </Button>
      ) : (
        <>
          <Chips options={YEARS} value={String(year)} onChange={(value) => setYear(Number(value))} className="matters__years" />
          {mayRecord ? (
            <View className="matters__actions">
              <Button className="matters__new" type="primary" size="large" block onClick={openNew}>
                登记实事
              </Button>
            </View>
          ) : null}
          <PagedListView
            list={list}
            classNames={{ error: 'matters__error', loading: 'matters__loading', more: 'matters__more' }}
            empty={<StateView className="matters__empty" status="empty" message={`${year}年还没有登记的实事`} />}
          >
            <Text className="matters__totals">{`共 ${list.total} 件，惠及 ${beneficiaries} 人`}</Text>
            <SectionCard className="matters__items">
              {list.items.map((matter) => (
                <MatterItem key={matter.id} matter={matter} />
              ))}
            </SectionCard>
          </PagedListView>
        </>
      )}
    </View>
  );
}
