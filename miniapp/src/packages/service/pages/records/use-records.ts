import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ServiceRecordView } from '@pioneer/shared-types';
import { listMyServices } from '@/api/services';
import { useRefreshOnShow } from '@/hooks/use-api';
import { usePagedList } from '@/hooks/use-paged-list';
import { isSignedIn } from '@/services/session';
import { usePendingUploads } from '../../shared/use-pending-uploads';

export const PAGE_SIZE = 10;

export function useRecords() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const list = usePagedList<ServiceRecordView>((page) => listMyServices({ page, pageSize: PAGE_SIZE }), {
    enabled: signedIn,
  });
  const reload = list.reload;
  // An upload that went through (or was refused) changes the list below.
  const uploads = usePendingUploads(list.items[0]?.member.id ?? null, () => {
    void reload();
  });
  const flush = uploads.flush;

  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await reload();
  }, [reload]);

  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void Promise.all([refresh(), flush()]).finally(() => Taro.stopPullDownRefresh());
  });

  return { signedIn, list, uploads, refresh };
}
