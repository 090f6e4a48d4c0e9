import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import SectionCard from '@/components/section-card';
import StateView from '@/components/state-view';
import { ROUTES } from '@/constants/routes';
import { goBackOrHome, openPage } from '@/services/navigation';
import { useOrganizeViewer, type OrganizeViewer } from '../../shared/viewer';
import './index.scss';

export interface OrganizeFrameProps {
  /** The heading; a function when it depends on who is looking (a worker's 发布 is a need). */
  title: string | ((viewer: OrganizeViewer | undefined) => string);
  subtitle?: string;
  /** Root class of the page, for styles and tests. */
  className: string;
  /** Which viewers may use the page; others are told whom it is for. */
  allow?: (viewer: OrganizeViewer) => boolean;
  deniedMessage?: string;
  /** Rendered only once the viewer is known and allowed, so the page's own requests never go out for nothing. */
  children: (viewer: OrganizeViewer) => ReactNode;
}

const organizerOrWorker = (viewer: OrganizeViewer): boolean => viewer.isOrganizer || viewer.isWorker;

/**
 * What every organizing page shares: a heading, a way back, the sign-in and duty checks, and one column of bounded
 * width, so the pages read as well at a desk in the browser as on a phone.
 */
export default function OrganizeFrame({
  title,
  subtitle,
  className,
  allow = organizerOrWorker,
  deniedMessage = '只有组织者和社区工作者可以使用活动管理',
  children,
}: OrganizeFrameProps) {
  const { signedIn, viewer, error, loading, reload } = useOrganizeViewer();

  let body: ReactNode;
  if (!signedIn) {
    body = (
      <SectionCard className="organize-signed-out">
        <Text className="organize-note">请先登录，再使用活动管理。</Text>
        <Button className="organize-login" type="primary" size="large" block onClick={() => openPage(ROUTES.login)}>
          登录
        </Button>
      </SectionCard>
    );
  } else if (!viewer) {
    body =
      error && !loading ? (
        <StateView className="organize-error" status="error" message={error.message} onRetry={() => void reload()} />
      ) : (
        <StateView className="organize-loading" status="loading" />
      );
  } else if (!allow(viewer)) {
    body = <StateView className="organize-denied" status="empty" message={deniedMessage} />;
  } else {
    body = children(viewer);
  }

  return (
    <View className={`page organize ${className}`}>
      <View className="organize__column">
        {process.env.TARO_ENV === 'h5' ? (
          <View className="organize-back" role="link" onClick={goBackOrHome}>
            <Text>‹ 返回</Text>
          </View>
        ) : null}
        <View className="page-header">
          <Text className="page-header__title">{typeof title === 'function' ? title(viewer) : title}</Text>
          {subtitle ? <Text className="page-header__subtitle">{subtitle}</Text> : null}
        </View>
        {body}
      </View>
    </View>
  );
}
