import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import QrCode from '@/components/qr-code';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { useConsoleQr, type ConsoleQrStatus } from './use-console-qr';

const STATUS_TEXT: Record<ConsoleQrStatus, string> = {
  loading: '正在生成二维码…',
  pending: '请用先锋报到小程序扫码：我的 → 扫码登录电脑端',
  scanned: '已扫码，请在手机上确认',
  confirmed: '已确认，正在登录…',
  expired: '二维码已过期',
  error: '二维码生成失败',
};

/** Desktop console sign-in: a worker, organizer or admin scans this with the mini-program and confirms there. */
export default function ConsoleQr() {
  const { state, refresh } = useConsoleQr();
  const { status, payload } = state;

  return (
    <SectionCard title="扫码登录电脑端" className="console-qr">
      {status === 'error' ? (
        <StateView status="error" message={state.error?.message} onRetry={() => void refresh()} rows={1} />
      ) : (
        <View className={`console-qr__body console-qr__body--${status}`}>
          <View className="console-qr__code">
            {payload && status !== 'expired' ? (
              <QrCode value={payload} size={200} label="电脑端登录二维码" />
            ) : (
              <View className="console-qr__placeholder" />
            )}
          </View>
          <View className={`console-qr__status console-qr__status--${status}`} role="status">
            <Text>{STATUS_TEXT[status]}</Text>
          </View>
          {state.unstable ? <Text className="console-qr__network">网络不稳定，正在重试…</Text> : null}
          {status === 'expired' ? (
            <Button className="console-qr__refresh" type="primary" size="large" onClick={() => void refresh()}>
              刷新二维码
            </Button>
          ) : null}
        </View>
      )}
      <Text className="login-note console-qr__note">
        仅社区工作者、组织者和管理员可以登录电脑端。扫码后需在手机上点“确认登录”。
      </Text>
    </SectionCard>
  );
}
