import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { goBackOrHome } from '@/services/navigation';
import { useConsoleConfirm } from './use-console-confirm';
import './index.scss';

function ConsoleConfirm() {
  const { step, problem, confirm, cancel, rescan } = useConsoleConfirm();

  if (step === 'checking') {
    return <StateView className="console-confirm-loading" status="loading" message="正在核对二维码…" rows={1} />;
  }

  if (step === 'done') {
    return (
      <SectionCard className="console-confirm console-confirm--done">
        <Text className="console-confirm__title">已确认，电脑端正在登录</Text>
        <Text className="console-confirm__text">请回到电脑继续操作。离开电脑时记得在电脑上退出登录。</Text>
        <Button className="console-confirm__back" type="primary" size="large" block onClick={goBackOrHome}>
          完成
        </Button>
      </SectionCard>
    );
  }

  if (step === 'failed' && problem) {
    return (
      <SectionCard className="console-confirm console-confirm--failed">
        <View className="console-confirm__error" role="alert">
          <Text className="console-confirm__error-message">{problem.message}</Text>
          <Text className="console-confirm__error-hint">{problem.hint}</Text>
        </View>
        {problem.rescan ? (
          <Button className="console-confirm__rescan" type="primary" size="large" block onClick={() => void rescan()}>
            重新扫码
          </Button>
        ) : null}
        <Button className="console-confirm__back" size="large" block onClick={goBackOrHome}>
          返回
        </Button>
      </SectionCard>
    );
  }

  if (step === 'idle') {
    return (
      <SectionCard className="console-confirm console-confirm--idle">
        <Text className="console-confirm__text">请扫描电脑登录页上显示的二维码。</Text>
        <Button className="console-confirm__rescan" type="primary" size="large" block onClick={() => void rescan()}>
          扫码
        </Button>
      </SectionCard>
    );
  }

  return (
    <SectionCard className="console-confirm console-confirm--ready">
      <Text className="console-confirm__title">确认在电脑上登录先锋报到？</Text>
      <Text className="console-confirm__text">
        电脑将以您的身份登录。如果不是您本人正在电脑前操作，请点“取消”。
      </Text>
      <Button
        className="console-confirm__confirm"
        type="primary"
        size="large"
        block
        loading={step === 'confirming'}
        onClick={() => void confirm()}
      >
        确认登录
      </Button>
      <Button
        className="console-confirm__cancel"
        size="large"
        block
        disabled={step === 'confirming'}
        onClick={cancel}
      >
        取消
      </Button>
    </SectionCard>
  );
}

export default function ConsoleConfirmPage() {
  return (
    <View className="page console-confirm-page">
      {process.env.TARO_ENV === 'weapp' ? (
        <ConsoleConfirm />
      ) : (
        <SectionCard className="console-confirm console-confirm--unsupported">
          <Text className="console-confirm__text">请在先锋报到微信小程序中，通过“我的 → 扫码登录电脑端”扫码确认。</Text>
        </SectionCard>
      )}
    </View>
  );
}
