import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { ROUTES } from '@/constants/routes';
import { goBackOrHome, openPage } from '@/services/navigation';
import './activity.scss';

export interface SignInFirstProps {
  pageClassName: string;
  cardClassName?: string;
  /** What signing in gives on this page. */
  hint: string;
}

/** What a page of this subpackage shows a person not signed in: what signing in gives, and the way to it. */
export function SignInFirst({ pageClassName, cardClassName, hint }: SignInFirstProps) {
  return (
    <View className={`page ${pageClassName}`}>
      <SectionCard className={cardClassName}>
        <Text className="activity-hint">{hint}</Text>
        <Button className="activity-action" type="primary" size="large" block onClick={() => openPage(ROUTES.login)}>
          登录
        </Button>
      </SectionCard>
    </View>
  );
}

/** Opened without an activity (a broken link or share): says so and leads back. */
export function MissingActivity({ pageClassName, stateClassName }: { pageClassName: string; stateClassName: string }) {
  return (
    <View className={`page ${pageClassName}`}>
      <SectionCard>
        <StateView className={stateClassName} status="empty" message="没有找到这个活动" />
        <Button className="activity-action" size="large" block onClick={goBackOrHome}>
          返回
        </Button>
      </SectionCard>
    </View>
  );
}
