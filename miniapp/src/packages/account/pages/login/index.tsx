import { Text, View } from '@tarojs/components';
import { getOverview } from '@/api/public';
import { useApi } from '@/hooks/use-api';
import ConsoleQr from './console-qr';
import DemoLogin from './demo-login';
import WechatLogin from './wechat-login';
import './index.scss';

/** H5 is the desktop console: QR sign-in from the mini-program, plus the role picker on demo deployments. */
function ConsoleLogin() {
  const overview = useApi(getOverview);
  return (
    <>
      {overview.data?.demoMode ? <DemoLogin /> : null}
      <ConsoleQr />
    </>
  );
}

export default function LoginPage() {
  return (
    <View className="page login">
      <View className="page-header">
        <Text className="page-header__title">登录先锋报到</Text>
        <Text className="page-header__subtitle">不登录也可以浏览社区和单位信息</Text>
      </View>
      {process.env.TARO_ENV === 'h5' ? <ConsoleLogin /> : <WechatLogin />}
    </View>
  );
}
