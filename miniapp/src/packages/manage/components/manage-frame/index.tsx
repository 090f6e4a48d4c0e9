import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { ROUTES } from '@/constants/routes';
import { goBackOrHome, openPage } from '@/services/navigation';
import { useViewer, type Viewer } from '../../shared/use-viewer';
import './index.scss';

export interface ManageFrameProps {
  title: string;
  subtitle?: string;
  /** Root class of the page, for styles and browser tests. */
  className: string;
  /** Which viewers may use the page; others are told whom it is for. */
  allow: (viewer: Viewer) => boolean;
  deniedMessage: string;
  /** Rendered only once the viewer is known and allowed, so the page's own requests never go out for nothing. */
  children: (viewer: Viewer) => ReactNode;
}

/** The frame every management page shares: heading, a way back, sign-in and role checks. */
export default function ManageFrame({ title, subtitle, className, allow, deniedMessage, children }: ManageFrameProps) {
  const { signedIn, viewer, error, loading, reload } = useViewer();

  let body: ReactNode;
  if (!signedIn) {
    body = (
      <SectionCard className="manage-signed-out">
        <Text className="manage-note">请先登录，再使用管理功能。</Text>
        <Button className="manage-login" type="primary" size="large" block onClick={() => openPage(ROUTES.login)}>
          登录
        </Button>
      </SectionCard>
    );
  } else if (!viewer) {
    body =
      error && !loading ? (
        <StateView className="manage-error" status="error" message={error.message} onRetry={() => void reload()} />
      ) : (
        <StateView className="manage-loading" status="loading" />
      );
  } else if (!allow(viewer)) {
    body = <StateView className="manage-denied" status="empty" message={deniedMessage} />;
  } else {
    body = children(viewer);
  }

  return (
    <View className={`page manage ${className}`}>
      {/* The H5 console has no navigation bar with a back arrow; WeChat draws its own. */}
      {process.env.TARO_ENV === 'h5' ? (
        <View className="manage-back" role="link" onClick={goBackOrHome}>
          <Text>‹ 返回</Text>
        </View>
      ) : null}
      <View className="page-header">
        <Text className="page-header__title">{title}</Text>
        {subtitle ? <Text className="page-header__subtitle">{subtitle}</Text> : null}
      </View>
      {body}
    </View>
  );
}
