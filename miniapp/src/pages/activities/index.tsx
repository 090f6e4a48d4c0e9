import { Text, View } from '@tarojs/components';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';

// Activities have no API yet; an honest empty state until publishing arrives, never sample data.
export default function ActivitiesPage() {
  return (
    <View className="page activities">
      <View className="page-header">
        <Text className="page-header__title activities-title">社区活动</Text>
        <Text className="page-header__subtitle">志愿服务、返乡走亲、访民问暖、主题党日</Text>
      </View>
      <SectionCard>
        <StateView className="activities-empty" status="empty" message="暂无已发布的活动" />
      </SectionCard>
    </View>
  );
}
