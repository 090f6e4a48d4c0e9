import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { getOverview } from '@/api/public';
import { useApi } from '@/hooks/use-api';

export function useAbout() {
  const overview = useApi(getOverview);
  const reload = overview.reload;
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  return { overview };
}
