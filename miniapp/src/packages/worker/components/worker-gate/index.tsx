import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import StateView from '@/components/state-view';
import { ROUTES } from '@/constants/routes';
import { openPage } from '@/services/navigation';
import type { WorkerContext } from '../../shared/communities';
import { useWorker } from '../../shared/use-worker';
import './index.scss';

export interface WorkerGateProps {
  /** What a signed-in non-worker is told, in this page's words. */
  notWorkerMessage: string;
  children: (context: WorkerContext & { reload: () => Promise<void> }) => ReactNode;
}

/** Signed out, loading, failed, or not a worker: each gets its own plain sentence; a worker gets the page. */
export default function WorkerGate({ notWorkerMessage, children }: WorkerGateProps) {
  const { signedIn, context, error, loading, reload } = useWorker();

  if (!signedIn) {
    return (
      <View className="worker-gate worker-gate--signed-out">
        <StateView status="empty" message="请先登录" />
        <Button className="worker-gate__login" type="primary" size="large" block onClick={() => openPage(ROUTES.login)}>
          登录
        </Button>
      </View>
    );
  }
  if (!context) {
    return error && !loading ? (
      <StateView className="worker-gate worker-gate--error" status="error" message={error.message} onRetry={() => void reload()} />
    ) : (
      <StateView className="worker-gate worker-gate--loading" status="loading" />
    );
  }
  if (context.communities.length === 0) {
    return <StateView className="worker-gate worker-gate--not-worker" status="empty" message={notWorkerMessage} />;
  }
  return <>{children({ ...context, reload })}</>;
}
