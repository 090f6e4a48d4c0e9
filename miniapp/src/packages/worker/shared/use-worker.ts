import { useCallback, useState } from 'react';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { isSignedIn } from '@/services/session';
import { loadWorkerContext, type WorkerContext } from './communities';

/** The signed-in worker and their communities, refreshed when the page is shown again (back from signing in). */
export function useWorker() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const context = useApi<WorkerContext>(loadWorkerContext, { enabled: signedIn });
  const reloadContext = context.reload;

  const refresh = useCallback(async (): Promise<void> => {
    const now = isSignedIn();
    setSignedIn(now);
    if (now) await reloadContext();
  }, [reloadContext]);
  useRefreshOnShow(refresh);

  return {
    signedIn,
    context: context.data,
    error: context.error,
    loading: context.loading,
    reload: reloadContext,
  };
}
