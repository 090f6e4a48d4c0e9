import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { PRIVACY_AGREE_BUTTON_ID, usePrivacyAuthorization } from '@/hooks/use-privacy-authorization';
import './index.scss';

export interface PrivacyConsentProps {
  /** Why this page needs the information, in one sentence. */
  purpose: string;
}

function openContract(): void {
  if (typeof Taro.openPrivacyContract === 'function') Taro.openPrivacyContract();
}

/**
 * WeChat's privacy consent step, drawn by the app: required since 2023-09 before getPhoneNumber, location and the
 * other privacy APIs work. Render it on every page that calls one of them (weapp only; renders nothing elsewhere).
 */
export default function PrivacyConsent({ purpose }: PrivacyConsentProps) {
  const { visible, agree, disagree } = usePrivacyAuthorization();
  if (process.env.TARO_ENV !== 'weapp') return null;

  return (
    <Popup visible={visible} position="bottom" round closeOnOverlayClick={false} onClose={disagree}>
      <View className="privacy-consent">
        <Text className="privacy-consent__title">隐私保护提示</Text>
        <Text className="privacy-consent__text">{purpose}</Text>
        <Text className="privacy-consent__text">
          请阅读
          <Text className="privacy-consent__link" onClick={openContract}>
            《先锋报到隐私保护指引》
          </Text>
          ，同意后继续。
        </Text>
        <View className="privacy-consent__actions">
          <Button className="privacy-consent__button" size="large" onClick={disagree}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="privacy-consent__button"
            type="primary"
            size="large"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={agree}
          >
            同意
          </Button>
        </View>
      </View>
    </Popup>
  );
}
