import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { onNetworkRestored } from '@/services/network-watch';
import { toast } from '@/services/toast';
import {
  discardPending,
  flushPending,
  pendingWrites,
  retryPending,
  serviceContext,
  type FlushOutcome,
  type PendingWrite,
} from '@/services/offline-queue';

export interface PendingUploads {
  /** This member's check-ins and check-outs still on the phone, oldest first. */
  items: PendingWrite[];
  flushing: boolean;
  /** Sends what is waiting now (also done on every show and when the network comes back). */
  flush: () => Promise<FlushOutcome>;
  /** Sends a refused item once more, or everything waiting when no key is given. */
  retry: (key?: string) => Promise<void>;
  /** Gives an item up after asking; a start takes its check-out along. */
  discard: (item: PendingWrite) => Promise<void>;
  /** Reads the queue again after the page kept something in it. */
  refresh: () => void;
}

/**
 * The page side of the offline queue: shows what is waiting, sends it whenever the page shows again or the network
 * comes back, and tells the page when the server's answers changed what it should show. `ownerId` is the member the
 * page's own server data names; without one (offline, nothing loaded yet) the phone's remembered member is used.
 */
export function usePendingUploads(ownerId: string | null, onSettled: (outcome: FlushOutcome) => void): PendingUploads {
  const [items, setItems] = useState<PendingWrite[]>(() => pendingWrites(ownerId ?? serviceContext()?.memberId));
  const [flushing, setFlushing] = useState(false);
  const ownerRef = useRef(ownerId);
  ownerRef.current = ownerId;
  const settledRef = useRef(onSettled);
  settledRef.current = onSettled;
  const mounted = useRef(true);

  const refresh = useCallback((): void => {
    // Read each time: a flush may just have learned that someone else is signed in on this phone.
    if (mounted.current) setItems(pendingWrites(ownerRef.current ?? serviceContext()?.memberId));
  }, []);

  useEffect(() => {
    refresh();
  }, [ownerId, refresh]);

  const flush = useCallback(async (): Promise<FlushOutcome> => {
    if (mounted.current) setFlushing(true);
    try {
      const outcome = await flushPending();
      refresh();
      if (outcome.uploaded.length > 0 || outcome.refused > 0) settledRef.current(outcome);
      return outcome;
    } finally {
      if (mounted.current) setFlushing(false);
    }
  }, [refresh]);

  useDidShow(() => {
    void flush();
  });

  useEffect(() => onNetworkRestored(() => void flush()), [flush]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const retry = useCallback(
    async (key?: string): Promise<void> => {
      if (key) retryPending(key);
      refresh();
      const outcome = await flush();
      if (outcome.waiting > 0) {
        toast('网络仍未连接，恢复后会自动上传', 'none');
      }
    },
    [flush, refresh],
  );

  const discard = useCallback(
    async (item: PendingWrite): Promise<void> => {
      const answer = await Taro.showModal({
        title: '放弃这条记录',
        content:
          item.kind === 'start'
            ? '放弃后，这次签到（以及它的签退）将不会上传。需要时可请社区工作者为您补录。'
            : '放弃后，这次签退将不会上传。需要时可请社区工作者为您补录。',
        confirmText: '放弃',
      });
      if (!answer.confirm) return;
      discardPending(item.key);
      refresh();
    },
    [refresh],
  );

  return { items, flushing, flush, retry, discard, refresh };
}
