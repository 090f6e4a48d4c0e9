import type { DistrictOverviewResponse } from '@pioneer/shared-types';
import { UNIT_KIND_LABELS } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { useAbout } from './use-about';
import './index.scss';

// Only what the app does today: a later feature gets its line here when it ships, not before.
const TODAY: Array<{ who: string; what: string }> = [
  {
    who: '党员',
    what: '选择居住的社区申请报到；到社区后扫社区工作者出示的签到码，签到、签退并写下服务内容；查看自己的服务记录和消息，提意见建议。',
  },
  {
    who: '社区工作者',
    what: '审核报到申请，出示签到码，确认或退回服务记录（可以一次处理多条），为不方便用手机的党员代为登记。',
  },
  { who: '组织者', what: '导入和维护党员名册，设立党员示范岗，答复意见建议。' },
  { who: '管理员', what: '维护单位、支部、街道和社区，为人员分配角色。' },
];

const PROMISES: string[] = [
  '不设积分，不排名次，不统计登录次数和使用时长。',
  '定位只在您自己选择时使用；不开启定位，也可以扫码签到。',
  '您能登记的每一项，社区工作者都可以代为登记，不用手机也能参加。',
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
        <Text className="about-text">先锋报到帮助在职党员到居住的社区报到、参加服务，并把每次服务记下来。</Text>
      </SectionCard>

      <SectionCard title="现在可以做什么" className="about-today">
        {TODAY.map((line) => (
          <View key={line.who} className="about-today__item">
            <Text className="about-today__who">{line.who}</Text>
            <Text className="about-today__what">{line.what}</Text>
          </View>
        ))}
      </SectionCard>

      <SectionCard title="还在建设" className="about-planned">
        <Text className="about-text">社区活动、群众问题的办理和统计还没有上线，上线后会在这里说明。</Text>
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
