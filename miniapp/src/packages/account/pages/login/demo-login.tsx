import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import { DEMO_ROLE_OPTIONS, useDemoLogin } from './use-demo-login';

/** Demo deployments only (overview.demoMode): pick a seeded person by role. */
export default function DemoLogin() {
  const { pendingRole, error, signInAs } = useDemoLogin();
  return (
    <SectionCard title="选择演示身份" className="login-demo">
      <Text className="login-note">
        这是演示环境：选择一个身份就可以进入体验，所有数据均为演示数据。正式使用时通过微信登录。
      </Text>
      {error ? (
        <View className="login-error" role="alert">
          <Text>{error.message}</Text>
        </View>
      ) : null}
      {DEMO_ROLE_OPTIONS.map(({ role, label }) => (
        <View key={role} className="login-role-wrap">
          <Button
            className={`login-role login-role--${role}`}
            type="primary"
            fill={role === 'member' ? 'solid' : 'outline'}
            size="large"
            block
            loading={pendingRole === role}
            disabled={pendingRole !== null && pendingRole !== role}
            onClick={() => void signInAs(role)}
          >
            {`以${label}身份登录`}
          </Button>
        </View>
      ))}
    </SectionCard>
  );
}
