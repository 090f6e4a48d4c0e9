import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import { goBackOrHome } from '@/services/navigation';
import { DEMO_ROLE_OPTIONS, useLogin } from './use-login';
import './index.scss';

function DemoLogin() {
  const { pendingRole, error, signInAs } = useLogin();
  return (
    <SectionCard title="选择演示身份" className="login-demo">
      <Text className="login-note">
        这是演示环境：选择一个身份即可进入体验，所有数据均为演示数据。正式使用时通过微信登录。
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

function WechatLoginNotice() {
  return (
    <SectionCard title="微信登录" className="login-weapp">
      <Text className="login-note">
        微信登录将随身份认证功能一同上线，届时可用微信一键登录，不需要另设密码。在此之前，可以先浏览首页的社区信息。
      </Text>
      <Button className="login-back" type="primary" size="large" block onClick={goBackOrHome}>
        返回
      </Button>
    </SectionCard>
  );
}

export default function LoginPage() {
  return (
    <View className="page login">
      <View className="page-header">
        <Text className="page-header__title">登录先锋报到</Text>
        <Text className="page-header__subtitle">不登录也可以浏览社区和单位信息</Text>
      </View>
      {process.env.TARO_ENV === 'h5' ? <DemoLogin /> : <WechatLoginNotice />}
    </View>
  );
}
