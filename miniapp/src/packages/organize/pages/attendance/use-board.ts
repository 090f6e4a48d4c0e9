import { useCallback, useEffect, useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { getAttendance } from '@/api/activities';
import { useQuery } from '@/hooks/use-query';

/** Often enough to see people arrive at the door; nothing is asked while the page is hidden. */
export const BOARD_POLL_MS = 10_000;

/** The live counts and lists of one activity, polled while the page is visible. */
export function useBoard(activityId: string, live: boolean, enabled = true) {
  const board = useQuery(() => getAttendance(activityId), [activityId], { enabled });
  const { reload } = board;
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const visible = useRef(true);

  const stop = useCallback(() => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
  }, []);
  const start = useCallback(() => {
    stop();
    if (!live || !enabled || !visible.current) return;
    timer.current = setInterval(() => void reload(), BOARD_POLL_MS);
  }, [enabled, live, reload, stop]);

  useEffect(() => {
    start();
    return stop;
  }, [start, stop]);

  useDidHide(() => {
    visible.current = false;
    stop();
  });
  useDidShow(() => {
    if (visible.current) return;
    visible.current = true;
    void reload();
    start();
  });

  return board;
}
