import type { DistrictOverviewResponse } from '@pioneer/shared-types';
import { UNIT_KIND_LABELS } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { useAbout } from './use-about';
import './index.scss';

const PROMISES: string[] = [
  '不设积分，不排名次，不统计登录次数和使用时长。',
  '定位只在您自己选择时使用；不开启定位，也不影响参加服务。',
  '每一条记录都可以由社区工作者或组织者代为登记，不用手机也能参加。',
  '不强制上传照片；同样的信息只填一次。',
];

function DistrictLists({ data }: { data: DistrictOverviewResponse }) {
  return (
    <>
      <SectionCard title="党组织单位" extra={`${data.unitCount} 个`} className="about-units">
        {data.units.length === 0 ? (
          <StateView status="empty" message="暂无党组织单位" />
        ) : (
          data.units.map((unit) => (
            <View key={unit.id} className="about-unit">
              <View className="about-unit__head">
                <Text className="about-unit__name">{unit.name}</Text>
                <Tag className="about-unit__kind" type="default" plain>
                  {UNIT_KIND_LABELS[unit.kind]}
                </Tag>
              </View>
              {unit.brandName ? <Text className="about-unit__brand">党建品牌：{unit.brandName}</Text> : null}
            </View>
          ))
        )}
      </SectionCard>
      <SectionCard title="社区" extra={`${data.communityCount} 个`} className="about-communities">
        {data.communities.length === 0 ? (
          <StateView status="empty" message="暂无社区信息" />
        ) : (
          data.communities.map((community) => (
            <View key={community.id} className="about-community">
              <Text className="about-community__name">{community.name}</Text>
              <Text className="about-community__street">{community.streetName}</Text>
            </View>
          ))
        )}
      </SectionCard>
    </>
  );
}

export default function AboutPage() {
  const { overview } = useAbout();
  const data = overview.data;

  return (
    <View className="page about">
      <SectionCard title="这是什么" className="about-intro">
        <Text className="about-text">
          先锋报到帮助在职党员到居住的社区报到，在社区扫码签到、参加服务，并记下每次服务。社区工作者审核报到、确认服务记录，也可以替党员登记；组织者管理党员名册和党员示范岗，处理意见建议。
        </Text>
      </SectionCard>

      <SectionCard title="正在建设" className="about-planned">
        <Text className="about-text">活动报名与签到、社区需求认领、群众急难愁盼问题的登记与办理、统计报表，将陆续上线。</Text>
      </SectionCard>

      <SectionCard title="我们的承诺" className="about-promises">
        {PROMISES.map((line) => (
          <View key={line} className="about-promise">
            <Text className="about-promise__dot">•</Text>
            <Text className="about-promise__text">{line}</Text>
          </View>
        ))}
      </SectionCard>

      {data ? (
        <DistrictLists data={data} />
      ) : overview.error && !overview.loading ? (
        <StateView
          className="about-error"
          status="error"
          message={overview.error.message}
          onRetry={() => void overview.reload()}
        />
      ) : (
        <StateView className="about-loading" status="loading" />
      )}
    </View>
  );
}
