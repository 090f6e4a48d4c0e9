import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ROUTES } from '@/constants/routes';
import './index.scss';

/** An address that leads nowhere (an old link, a mistyped URL): say so plainly and offer the way home. */
export default function NotFoundPage() {
  return (
    <View className="page not-found" role="main">
      <Text className="not-found__title">没有找到这个页面</Text>
      <Text className="not-found__text">链接可能已过期或输入有误。您可以回到首页，从那里继续。</Text>
      <Button className="not-found__home" type="primary" size="large" block onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
        回到首页
      </Button>
    </View>
  );
}
