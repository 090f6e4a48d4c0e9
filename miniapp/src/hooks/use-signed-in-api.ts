import { useCallback, useState } from 'react';
import { isSignedIn } from '@/services/session';
import { useApi, useRefreshOnShow } from './use-api';

/**
 * A request only a signed-in person can make (who they are, their duties), asked again when the page is shown again:
 * back from the login page, the person may have signed in, or as someone else. The server checks every call.
 */
export function useSignedInApi<T>(fetcher: () => Promise<T>) {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const query = useApi<T>(fetcher, { enabled: signedIn });
  const reload = query.reload;

  const refresh = useCallback(async (): Promise<void> => {
    const now = isSignedIn();
    setSignedIn(now);
    if (now) await reload();
  }, [reload]);
  useRefreshOnShow(refresh);

  return { signedIn, data: query.data, error: query.error, loading: query.loading, reload };
}
